// Writing Python source from TypeScript values: literals (numbers, strings, lists, dicts, None/True/False) and
// identifiers made from node ids, so the generated script reads like hand-written code.

export type PyValue =
  number | string | boolean | null | undefined | readonly PyValue[] | { readonly [key: string]: PyValue };

/** A Python literal for a JSON-like value; long lists wrap at `width` characters, continuing at `indent`. */
export function py(value: PyValue, indent = '    ', width = 110): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Python number`);
    return String(value); // the shortest text that reads back as the same double, also in Python
  }
  // JSON string escapes (\n, \", \\, \uXXXX) are valid in Python string literals too.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => py(v, indent, width));
    return wrap('[', items, ']', indent, width);
  }
  const entries = Object.entries(value as Record<string, PyValue>).map(
    ([k, v]) => `${JSON.stringify(k)}: ${py(v, indent, width)}`,
  );
  return wrap('{', entries, '}', indent, width);
}

function wrap(open: string, items: string[], close: string, indent: string, width: number): string {
  const flat = `${open}${items.join(', ')}${close}`;
  if (flat.length <= width || items.some((i) => i.includes('\n'))) return flat;
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (next.length > width - indent.length && line) {
      lines.push(`${line},`);
      line = item;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return `${open}\n${lines.map((l) => indent + l).join('\n')}\n${close}`;
}

const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** Attributes every nn.Module already has: a layer named like one must be registered with add_module. */
const MODULE_ATTRIBUTES = new Set([
  'training',
  'forward',
  'train',
  'eval',
  'parameters',
  'named_parameters',
  'buffers',
  'named_buffers',
  'children',
  'named_children',
  'modules',
  'named_modules',
  'state_dict',
  'load_state_dict',
  'to',
  'cpu',
  'cuda',
  'xpu',
  'ipu',
  'mtia',
  'type',
  'float',
  'double',
  'half',
  'bfloat16',
  'apply',
  'zero_grad',
  'requires_grad_',
  'add_module',
  'register_module',
  'register_buffer',
  'register_parameter',
  'register_forward_hook',
  'register_forward_pre_hook',
  'register_backward_hook',
  'register_full_backward_hook',
  'register_full_backward_pre_hook',
  'register_state_dict_pre_hook',
  'register_load_state_dict_post_hook',
  'get_submodule',
  'get_parameter',
  'get_buffer',
  'get_extra_state',
  'set_extra_state',
  'extra_repr',
  'share_memory',
  'to_empty',
  'dump_patches',
  'call_super_init',
  'compile',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `self.<id>` can name the submodule (otherwise the script uses add_module / getattr with the id as a string). */
export function isPlainAttribute(id: string): boolean {
  return IDENTIFIER.test(id) && !KEYWORDS.has(id) && !MODULE_ATTRIBUTES.has(id) && !id.startsWith('_');
}

/** Hands out local variable names made from node ids: valid, not keywords, not `reserved`, never twice. */
export class LocalNames {
  private readonly used: Set<string>;
  constructor(reserved: readonly string[]) {
    this.used = new Set(reserved);
  }
  claim(id: string): string {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `layer_${base}`;
    if (KEYWORDS.has(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}
