// Measures what a Decimal tick size costs per representation (docs/decisions/0001-wire-values.md).
// Needs decimal.js and big.js, which are not dependencies: `npm i --no-save decimal.js big.js` to run it.

import Big from "big.js";
import Decimal from "decimal.js";

const N = 2_000_000;
const sizes = ["100", "80", "2500", "1", "0.0001", "12.5", "300", "45"];
const frames = sizes.map((s) => Buffer.from(`2\x006\x001\x000\x00${s}\x00`, "latin1"));
function fieldStart(buf) {
  let n = 0,
    i = 0;
  while (n < 4) {
    if (buf[i++] === 0) n++;
  }
  return i;
}
function bench(name, f) {
  for (let i = 0; i < 200000; i++) f(frames[i & 7]);
  const t = process.hrtime.bigint();
  let _acc = 0;
  for (let i = 0; i < N; i++) {
    const v = f(frames[i & 7]);
    if (v) _acc++;
  }
  const ns = Number(process.hrtime.bigint() - t) / N;
  console.log(
    JSON.stringify({ name, nsPerTick: +ns.toFixed(1), heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(1) }),
  );
}
bench("string (latin1 slice)", (b) => {
  const s = fieldStart(b);
  return b.toString("latin1", s, b.length - 1);
});
bench("number (parseFloat of slice)", (b) => {
  const s = fieldStart(b);
  return Number(b.toString("latin1", s, b.length - 1));
});
bench("decimal.js", (b) => {
  const s = fieldStart(b);
  return new Decimal(b.toString("latin1", s, b.length - 1));
});
bench("big.js", (b) => {
  const s = fieldStart(b);
  return new Big(b.toString("latin1", s, b.length - 1));
});
bench("baseline (find field only)", (b) => fieldStart(b));
