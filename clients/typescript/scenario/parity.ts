/**
 * Prints [root, data, xml] for a few request bodies as this wire layer writes them; `make
 * other-langs` compares each xml byte for byte with the Python client's `xmlcodec.encode`.
 */
import { encode } from "../src/wire/xmlcodec";

const cases: [string, unknown][] = [
  ["ArrayOfProperty", [{ Name: "Name", Value: "a<b&c\r" }, { Name: "X", Value: null }]],
  ["ArrayOfProperty", []],
  ["WebSessionStartInfo", { ServiceName: "EchoService", Username: "u", Password: "p", UseSessionPool: true,
    Environments: [{ Key: "A", Value: "1" }], ResourceUnitType: 1, MaxUnits: null }],
  ["CancelMessage", "stop now"],
  ["ArrayOfstring", ["n1", "n2"]],
];
console.log(JSON.stringify(cases.map(([root, data]) => [root, data, encode(root, data)])));
