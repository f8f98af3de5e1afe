// Compiles the contracts with solc from npm (standard JSON input, EVM version pinned) and writes
// <Name>.abi and <Name>.bin to ../src/main/resources/contracts/, which are committed so the Maven
// build never needs Node. Run: npm install && npm run compile
// (node compile.mjs DIR writes into DIR instead: the Maven build uses that to check the committed output.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.join(here, '..', 'src', 'main', 'resources', 'contracts');
const test = path.join(here, '..', 'src', 'test', 'resources', 'contracts');
const EVM_VERSION = 'cancun';
const names = ['Adjudicator', 'TestToken', 'ReentrantPayee'];
// Contracts only tests deploy go to the test resources, so they never ship in the bundle.
const testOnly = new Set(['ReentrantPayee']);
const outFor = (name) => process.argv[2] || (testOnly.has(name) ? test : main);

const sources = {};
for (const name of names) {
  sources[`${name}.sol`] = { content: fs.readFileSync(path.join(here, 'src', `${name}.sol`), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    viaIR: true,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
  },
};
const result = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (result.errors || []).filter((e) => e.severity === 'error');
for (const e of result.errors || []) {
  console.error(e.formattedMessage);
}
if (errors.length > 0) {
  process.exit(1);
}
for (const name of names) {
  const out = outFor(name);
  fs.mkdirSync(out, { recursive: true });
  const c = result.contracts[`${name}.sol`][name];
  fs.writeFileSync(path.join(out, `${name}.abi`), JSON.stringify(c.abi, null, 1) + '\n');
  fs.writeFileSync(path.join(out, `${name}.bin`), c.evm.bytecode.object + '\n');
  // Canonical signature -> selector: the Java wrapper takes its selectors from here.
  fs.writeFileSync(path.join(out, `${name}.methods`),
    Object.entries(c.evm.methodIdentifiers).map(([sig, id]) => `${id} ${sig}`).sort().join('\n') + '\n');
  console.log(`${name}: ${c.evm.bytecode.object.length / 2} bytes, evm ${EVM_VERSION}, solc ${solc.version()}`);
}
