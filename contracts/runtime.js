// Prints the optimised runtime (deployed) bytecode of contracts/<Name>.sol,
// as hex without 0x, compiled with the solc-js package installed under the
// given directory: node contracts/runtime.js <solc-dir> <Name>
const fs = require("fs");
const path = require("path");
const [solcDir, name] = process.argv.slice(2);
const solc = require(path.resolve(solcDir, "node_modules", "solc"));
const input = {
  language: "Solidity",
  sources: { [name + ".sol"]: { content: fs.readFileSync(path.join("contracts", name + ".sol"), "utf8") } },
  settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["evm.deployedBytecode.object"] } } },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors || []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(1);
}
process.stdout.write(out.contracts[name + ".sol"][name].evm.deployedBytecode.object);
