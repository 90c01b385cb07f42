// The local ESLint plugin with one rule, `local/code-layering`: each folder of the repository may import only the
// folders its layer lists (docs/ARCHITECTURE.md, "Folders and what each may import"; the table is scripts/lint/layers.mjs).
import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * @typedef {{
 *   may?: string[],       // folders whose modules this layer may import (values and types)
 *   mayTypes?: string[],  // folders it may import types from, and nothing else
 *   node?: boolean,       // Node built-ins (`node:fs`, `path`, …)
 *   packages?: boolean,   // npm packages (other than those `packageOwners` reserves)
 *   private?: string[],   // its own modules (path without extension) no other layer may import
 *   where?: string,       // where it runs, for the message when it imports Node
 * }} Layer
 * @typedef {{ layers: Record<string, Layer>, packageOwners?: Record<string, string[]> }} Options
 */

/** The longest declared folder holding `file` (repository-relative, forward slashes), or undefined. */
function layerOf(file, folders) {
  let best;
  for (const folder of folders) {
    if ((file === folder || file.startsWith(`${folder}/`)) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

function withoutExtension(file) {
  return file.replace(/\.(d\.ts|ts|mts|cts|mjs|cjs|js|svelte)$/, '');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** True when the import or export brings in types only (`import type`, or every specifier `type`). */
function typeOnly(node) {
  if (node.type === 'ImportExpression') return false;
  if (node.type === 'TSImportType') return true;
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const codeLayering = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (docs/ARCHITECTURE.md).' },
    schema: [
      {
        type: 'object',
        properties: { layers: { type: 'object' }, packageOwners: { type: 'object' } },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may not import {{target}} ('{{specifier}}'); it may import: {{allowed}}.",
      typesOnly: "{{layer}} may import only types from {{target}} ('{{specifier}}'): write `import type`.",
      privateModule: "'{{specifier}}' is private to {{owner}} (it runs only there).",
      node: "{{layer}} may not import the Node built-in '{{specifier}}' (it runs {{where}}).",
      package: "{{layer}} may not import the package '{{specifier}}'.",
      owned: "Only {{owners}} may import '{{specifier}}'.",
    },
  },
  create(context) {
    /** @type {Options} */
    const { layers, packageOwners = {} } = context.options[0];
    const folders = Object.keys(layers);
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file, folders);
    if (!layer) return {};
    const rules = layers[layer];

    function check(node, specifier) {
      if (typeof specifier !== 'string') return; // a computed import(): nothing to check statically
      const report = (messageId, data) => context.report({ node, messageId, data: { layer, specifier, ...data } });
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const targetLayer = layerOf(target, folders);
        if (!targetLayer) return; // outside every declared layer (scripts, bench): not governed here
        if (targetLayer !== layer) {
          const privateModule = (layers[targetLayer].private ?? []).includes(withoutExtension(target));
          if (privateModule) return report('privateModule', { owner: targetLayer });
          if ((rules.may ?? []).includes(targetLayer)) return;
          if ((rules.mayTypes ?? []).includes(targetLayer)) {
            if (!typeOnly(node)) report('typesOnly', { target: targetLayer });
            return;
          }
          const allowed = [...(rules.may ?? []), ...(rules.mayTypes ?? []).map((f) => `types from ${f}`)];
          report('folder', {
            target: targetLayer,
            allowed: allowed.length ? allowed.join(', ') : 'only its own folder',
          });
        }
        return;
      }
      if (specifier.startsWith('/')) return report('folder', { target: specifier, allowed: 'relative paths only' });
      if (isBuiltin(specifier)) {
        if (!rules.node) report('node', { where: rules.where ?? 'where Node is absent' });
        return;
      }
      const name = packageName(specifier);
      const owners = packageOwners[name];
      if (owners) {
        if (!owners.includes(layer)) report('owned', { owners: owners.join(', ') });
        return;
      }
      if (!rules.packages) report('package', {});
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportType: (node) => {
        // `import('x').T` in a type position; the argument's shape differs between typescript-eslint versions.
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(node, literal.value);
      },
    };
  },
};

export default { meta: { name: 'local' }, rules: { 'code-layering': codeLayering } };
