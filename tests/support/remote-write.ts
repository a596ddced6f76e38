/**
 * Prometheus remote write (protocol 0.1.0) from a test, with no dependency: the
 * WriteRequest protobuf is encoded by hand (five message fields) and
 * snappy-compressed in the block format using literals only — valid snappy any
 * decoder accepts, just not smaller. Lets a test give a real Prometheus an hour
 * of history in one request instead of waiting for scrapes
 * (startPrometheus passes --web.enable-remote-write-receiver).
 *
 *   await remoteWrite(prom.url, [{ labels: { __name__: 'x', job: 'j' }, samples: [{ value: 1, timestampMs: Date.now() }] }]);
 */
export interface RemoteSeries {
  labels: Record<string, string>;
  /** Oldest first: Prometheus refuses out-of-order samples within a series. */
  samples: { value: number; timestampMs: number }[];
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return bytes;
}

const key = (field: number, wire: number) => varint((field << 3) | wire);
const bytesField = (field: number, payload: Uint8Array | number[]) => [...key(field, 2), ...varint(payload.length), ...payload];
const stringField = (field: number, text: string) => bytesField(field, [...Buffer.from(text, 'utf8')]);

function sampleMessage(value: number, timestampMs: number): number[] {
  const double = Buffer.alloc(8);
  double.writeDoubleLE(value);
  return [...key(1, 1), ...double, ...key(2, 0), ...varint(timestampMs)];
}

export function encodeWriteRequest(series: RemoteSeries[]): Uint8Array {
  const out: number[] = [];
  for (const s of series) {
    const ts: number[] = [];
    // The remote write spec requires labels sorted by name.
    for (const [name, value] of Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      ts.push(...bytesField(1, [...stringField(1, name), ...stringField(2, value)]));
    }
    for (const sample of s.samples) ts.push(...bytesField(2, sampleMessage(sample.value, sample.timestampMs)));
    out.push(...bytesField(1, ts));
  }
  return Uint8Array.from(out);
}

/** Snappy block format, literals only (chunks of at most 65,536 bytes). */
export function snappyLiterals(input: Uint8Array): Uint8Array {
  const out: number[] = [...varint(input.length)];
  for (let offset = 0; offset < input.length; offset += 65_536) {
    const chunk = input.subarray(offset, Math.min(offset + 65_536, input.length));
    const n = chunk.length - 1;
    if (n < 60) out.push(n << 2);
    else if (n < 0x100) out.push(60 << 2, n);
    else out.push(61 << 2, n & 0xff, n >> 8);
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}

export async function remoteWrite(prometheusUrl: string, series: RemoteSeries[]): Promise<void> {
  const response = await fetch(`${prometheusUrl}/api/v1/write`, {
    method: 'POST',
    headers: {
      'Content-Encoding': 'snappy',
      'Content-Type': 'application/x-protobuf',
      'X-Prometheus-Remote-Write-Version': '0.1.0',
    },
    body: Buffer.from(snappyLiterals(encodeWriteRequest(series))),
  });
  if (!response.ok) throw new Error(`remote write: HTTP ${response.status} ${await response.text()}`);
}
