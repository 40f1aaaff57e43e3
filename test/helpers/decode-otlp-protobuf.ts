/**
 * A decoder of OTLP's `ExportTraceServiceRequest` protobuf (opentelemetry-proto
 * `collector/trace/v1`), written from the .proto field numbers, so the test receiver checks the
 * bytes the exporter really sent without trusting the exporter's own serializer.
 */
import type { ReceivedSpan } from './otlp-span.js';

interface Field {
  number: number;
  wireType: number;
  /** varint / fixed value, or the bytes of a length-delimited field. */
  value: bigint | Uint8Array;
}

function* readFields(bytes: Uint8Array): Generator<Field> {
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (offset >= bytes.length) throw new Error('protobuf: varint runs past the end');
      const byte = bytes[offset++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < bytes.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) yield { number, wireType, value: varint() };
    else if (wireType === 1) {
      yield { number, wireType, value: view.getBigUint64(offset, true) };
      offset += 8;
    } else if (wireType === 2) {
      const length = Number(varint());
      if (offset + length > bytes.length) throw new Error('protobuf: field runs past the end');
      yield { number, wireType, value: bytes.subarray(offset, offset + length) };
      offset += length;
    } else if (wireType === 5) {
      yield { number, wireType, value: BigInt(view.getUint32(offset, true)) };
      offset += 4;
    } else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
}

const text = (value: Field['value']): string => new TextDecoder().decode(value as Uint8Array);
const hex = (value: Field['value']): string => Buffer.from(value as Uint8Array).toString('hex');
const bytesOf = (value: Field['value']): Uint8Array => value as Uint8Array;

function toDouble(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits, true);
  return view.getFloat64(0, true);
}

/** `AnyValue`: string 1, bool 2, int 3, double 4, array 5 (`ArrayValue.values` = 1). */
function decodeAnyValue(bytes: Uint8Array): unknown {
  for (const field of readFields(bytes)) {
    switch (field.number) {
      case 1:
        return text(field.value);
      case 2:
        return field.value === 1n;
      case 3:
        return Number(BigInt.asIntN(64, field.value as bigint));
      case 4:
        return toDouble(field.value as bigint);
      case 5:
        return [...readFields(bytesOf(field.value))]
          .filter((item) => item.number === 1)
          .map((item) => decodeAnyValue(bytesOf(item.value)));
    }
  }
  return undefined;
}

/** `KeyValue`: key 1, value 2. */
function decodeKeyValue(bytes: Uint8Array): [string, unknown] {
  let key = '';
  let value: unknown;
  for (const field of readFields(bytes)) {
    if (field.number === 1) key = text(field.value);
    if (field.number === 2) value = decodeAnyValue(bytesOf(field.value));
  }
  return [key, value];
}

function decodeAttributes(fields: Field[], number: number): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((f) => f.number === number).map((f) => decodeKeyValue(bytesOf(f.value))),
  );
}

/**
 * `Span`: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8,
 * attributes 9, events 11, status 15 (`message` 2, `code` 3).
 */
function decodeSpan(bytes: Uint8Array, resource: Record<string, unknown>): ReceivedSpan {
  const fields = [...readFields(bytes)];
  const one = (number: number) => fields.find((f) => f.number === number)?.value;
  const statusFields = [...readFields((one(15) as Uint8Array | undefined) ?? new Uint8Array())];
  const parent = one(4);
  return {
    traceId: hex(one(1) ?? new Uint8Array()),
    spanId: hex(one(2) ?? new Uint8Array()),
    parentSpanId: parent === undefined || bytesOf(parent).length === 0 ? null : hex(parent),
    name: text(one(5) ?? new Uint8Array()),
    kind: Number(one(6) ?? 0n),
    startNs: (one(7) as bigint | undefined) ?? 0n,
    endNs: (one(8) as bigint | undefined) ?? 0n,
    attributes: decodeAttributes(fields, 9),
    events: fields
      .filter((f) => f.number === 11)
      .map((f) => {
        const event = [...readFields(bytesOf(f.value))];
        return { name: text(event.find((e) => e.number === 2)?.value ?? new Uint8Array()) };
      }),
    status: {
      code: Number(statusFields.find((f) => f.number === 3)?.value ?? 0n),
      message: text(statusFields.find((f) => f.number === 2)?.value ?? new Uint8Array()),
    },
    resource,
  };
}

/**
 * Decodes an `ExportTraceServiceRequest`: resource_spans 1 → (resource 1 → attributes 1,
 * scope_spans 2 → spans 2).
 */
export function decodeOtlpProtobuf(body: Uint8Array): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of readFields(body)) {
    if (resourceSpans.number !== 1) continue;
    const fields = [...readFields(bytesOf(resourceSpans.value))];
    const resourceBytes = fields.find((f) => f.number === 1)?.value;
    const resource =
      resourceBytes === undefined
        ? {}
        : decodeAttributes([...readFields(bytesOf(resourceBytes))], 1);
    for (const scopeSpans of fields.filter((f) => f.number === 2)) {
      for (const span of readFields(bytesOf(scopeSpans.value))) {
        if (span.number === 2) spans.push(decodeSpan(bytesOf(span.value), resource));
      }
    }
  }
  return spans;
}
