// Pure: checks an uploaded .xlsx (a zip archive) before any parser inflates it. A 2 MB upload can hold gigabytes
// once decompressed (a zip bomb); the central directory states every entry's sizes, so they can be checked first.

export const MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;
export const MAX_ENTRIES = 500;
/** Spreadsheet XML compresses well (~10–30×); far beyond that is a bomb. */
export const MAX_RATIO = 200;

export type ZipProblem = 'notZip' | 'tooBig' | 'tooManyEntries' | 'badEntry' | 'notXlsx';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** null when the archive looks like a sane .xlsx, else the problem. */
/** `maxUncompressed`: the registry's firm lists are larger than a monthly template (100,000 rows ≈ 60 MB of XML). */
export function inspectXlsxZip(bytes: Uint8Array, maxUncompressed = MAX_UNCOMPRESSED_BYTES): ZipProblem | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return 'notZip';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'notZip';
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: a real template never needs them.
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'badEntry';
  if (entries > MAX_ENTRIES) return 'tooManyEntries';
  if (offset + size > eocd) return 'notZip';

  let total = 0;
  let at = offset;
  const names = new Set<string>();
  const decoder = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return 'notZip';
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'badEntry';
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name.includes('..') || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return 'badEntry';
    if (uncompressed > 0 && uncompressed / Math.max(compressed, 1) > MAX_RATIO) return 'tooBig';
    total += uncompressed;
    if (total > maxUncompressed) return 'tooBig';
    names.add(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return 'notXlsx';
  return null;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Where the entry's data starts (after its local header). */
  dataOffset: number;
}

/** The entries of an archive that `inspectXlsxZip` has accepted, with where each one's data lies. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD_SIGNATURE) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = view.getUint16(at + 28, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The local header's own name and extra lengths decide where the data starts (they may differ from the central one).
    const local = localOffset + 30 <= bytes.length && view.getUint32(localOffset, true) === 0x04034b50;
    const dataOffset = local ? localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true) : -1;
    entries.push({ name, method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), dataOffset });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}
