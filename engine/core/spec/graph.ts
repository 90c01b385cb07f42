// Graph algorithms over node indices, all linear in nodes + edges: topological order, reachability, and the
// cycles that block a topological order.

/** Adjacency by node index: successors[i] lists the targets of i's edges (repeated for parallel edges). */
export interface IndexGraph {
  size: number;
  successors: number[][];
  /** Incoming edge count per node (parallel edges counted). */
  inDegree: number[];
}

/**
 * Kahn's algorithm, always taking the ready node that comes first in the spec, so a spec already listed in a valid
 * order keeps it. Nodes on a cycle, or downstream of one, never become ready and are left out.
 */
export function topologicalOrder(graph: IndexGraph): number[] {
  const remaining = graph.inDegree.slice();
  const ready = new MinHeap();
  for (let i = 0; i < graph.size; i++) if (remaining[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.length > 0) {
    const node = ready.pop();
    order.push(node);
    for (const next of graph.successors[node]) {
      remaining[next] -= 1;
      if (remaining[next] === 0) ready.push(next);
    }
  }
  return order;
}

/** Nodes reachable from `start` along edges (start included). */
export function reachableFrom(graph: IndexGraph, start: number): boolean[] {
  const seen = new Array<boolean>(graph.size).fill(false);
  seen[start] = true;
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const next of graph.successors[node]) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * The cycles among `candidates` (the nodes a topological order left out): each strongly connected component with
 * more than one node or a self-loop, given as one closed walk through its first node (first node not repeated),
 * plus all members so each can be marked.
 */
export function findCycles(graph: IndexGraph, candidates: readonly number[]): { loop: number[]; members: number[] }[] {
  const inScope = new Array<boolean>(graph.size).fill(false);
  for (const c of candidates) inScope[c] = true;
  const components = stronglyConnected(graph, candidates, inScope);
  const cycles: { loop: number[]; members: number[] }[] = [];
  for (const members of components) {
    const first = Math.min(...members);
    const selfLoop = graph.successors[first].includes(first);
    if (members.length === 1 && !selfLoop) continue;
    const inComponent = new Set(members);
    cycles.push({
      loop: selfLoop ? [first] : loopThrough(graph, first, inComponent),
      members: members.slice().sort((a, b) => a - b),
    });
  }
  return cycles;
}

/** Shortest closed walk from `start` back to itself inside one component (breadth-first search). */
function loopThrough(graph: IndexGraph, start: number, component: ReadonlySet<number>): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of graph.successors[node]) {
      if (next === start) {
        const path: number[] = [];
        for (let at = node; at !== -1; at = parent.get(at)!) path.push(at);
        return path.reverse();
      }
      if (component.has(next) && !parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start]; // unreachable for a true component; kept total for safety
}

/** Tarjan's algorithm without recursion (deep chains must not overflow the stack). */
function stronglyConnected(graph: IndexGraph, nodes: readonly number[], inScope: readonly boolean[]): number[][] {
  const index = new Array<number>(graph.size).fill(-1);
  const low = new Array<number>(graph.size).fill(0);
  const onStack = new Array<boolean>(graph.size).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index[root] !== -1) continue;
    // Each frame: a node and how many of its successors were visited.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [node, next] = frame;
      const successors = graph.successors[node];
      if (next < successors.length) {
        frame[1] += 1;
        const child = successors[next];
        if (!inScope[child]) continue;
        if (index[child] === -1) {
          index[child] = low[child] = counter++;
          stack.push(child);
          onStack[child] = true;
          frames.push([child, 0]);
        } else if (onStack[child]) {
          low[node] = Math.min(low[node], index[child]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

/** A binary min-heap of node indices. */
class MinHeap {
  private items: number[] = [];

  get length(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= value) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right] < items[left] ? right : left;
        if (items[child] >= last) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
