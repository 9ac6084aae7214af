// The reference a user would write with net-snmp: one session per device, every device at
// once, GET the scalars, walk each subtree with session.subtree (GETBULK, 20 repetitions),
// keep every varbind until all are done, then print per-device counts as JSON.
// Usage: node naive-poller.mjs poll|baseline manifest.json
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

async function pollDevice(device) {
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
    for (const oid of device.subtrees) await subtree(session, oid, varbinds);
    return { name: device.name, varbinds };
  } catch (error) {
    return { name: device.name, varbinds, error: String(error) };
  } finally {
    session.close();
  }
}

const results = mode === 'poll' ? await Promise.all(manifest.devices.map(pollDevice)) : [];
process.stdout.write(
  JSON.stringify(results.map((r) => ({ name: r.name, values: r.varbinds.length, error: r.error }))),
);
