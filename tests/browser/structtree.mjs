// Prints the roles of pdf.js's structure tree for page 1 of a PDF, depth
// first, one line, the way Firefox hands them to screen readers
// (page.getStructTree()); marked-content leaves are left out.
// Usage: node structtree.mjs NODE_DIR FILE.pdf
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [nodeDir, file] = process.argv.slice(2);
const req = createRequire(path.join(path.resolve(nodeDir), 'package.json'));
const pdfjs = await import(pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
const doc = await pdfjs.getDocument({
  data: new Uint8Array(fs.readFileSync(file)), verbosity: 0, isEvalSupported: false,
}).promise;
const tree = await (await doc.getPage(1)).getStructTree();
const roles = [];
const walk = (node) => {
  if (!node || !node.role) return;
  if (node.role !== 'Root') roles.push(node.lang ? `${node.role}@${node.lang}` : node.role);
  for (const kid of node.children || []) walk(kid);
};
walk(tree);
console.log(roles.join(' '));
