// The reference a user would write with net-snmp: one session per device, every device at
// once, GET the scalars, walk each subtree with session.subtree (GETBULK, 20 repetitions),
// keep every varbind until all are done, then print per-device counts as JSON.
// Usage: node naive-poller.mjs poll|baseline manifest.json
//
// `passes N` polls the fleet N times in one process, as a long-running poller would, and
// prints each pass's own CPU time beside its counts (bench/poller/steady.ts). Passes after
// the first walk a device's `laterSubtrees` when the manifest gives them: what the agent
// reads in its later cycles, so both sides fetch the same values.
// Usage: node naive-poller.mjs passes manifest.json 3
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- this reference poller is net-snmp itself
import snmp from 'net-snmp';

const [mode, manifestFile] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

function get(session, oids) {
  return new Promise((resolve, reject) => {
    session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds)));
  });
}

function subtree(session, oid, into) {
  return new Promise((resolve, reject) => {
    session.subtree(
      oid,
      manifest.maxRepetitions,
      (varbinds) => {
        for (const vb of varbinds) into.push(vb);
      },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}

async function pollDevice(device, subtrees = device.subtrees) {
  const session = snmp.createSession(device.host, device.community, {
    port: device.port,
    version: snmp.Version2c,
    timeout: manifest.timeoutMs,
    retries: 1,
  });
  const varbinds = [];
  try {
    for (const vb of await get(session, device.gets)) {
      if (!snmp.isVarbindError(vb)) varbinds.push(vb);
    }
    for (const oid of subtrees) await subtree(session, oid, varbinds);
    return { name: device.name, varbinds };
  } catch (error) {
    return { name: device.name, varbinds, error: String(error) };
  } finally {
    session.close();
  }
}

const counts = (results) =>
  results.map((r) => ({ name: r.name, values: r.varbinds.length, error: r.error }));

if (mode === 'passes') {
  const passes = [];
  for (let k = 0; k < Number(process.argv[4]); k++) {
    // The first pass counts from the process's start, as the agent's first cycle does.
    const before = k === 0 ? undefined : process.cpuUsage();
    const results = await Promise.all(
      manifest.devices.map((d) =>
        pollDevice(d, k === 0 ? d.subtrees : (d.laterSubtrees ?? d.subtrees)),
      ),
    );
    const used = process.cpuUsage(before);
    passes.push({ cpuS: (used.user + used.system) / 1e6, devices: counts(results) });
  }
  process.stdout.write(JSON.stringify(passes));
} else {
  const results =
    mode === 'poll' ? await Promise.all(manifest.devices.map((d) => pollDevice(d))) : [];
  process.stdout.write(JSON.stringify(counts(results)));
}
