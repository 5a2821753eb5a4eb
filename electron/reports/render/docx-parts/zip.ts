import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for the DOCX package: entries in the order given, every one deflated and
 * stamped with one fixed time, no folders, no extra fields. It replaces zipping twice (docx's own
 * Packer, then unzipping and re-zipping with JSZip to pin the entry times), which took a third of
 * the render. Compression is Node's zlib, as pdfkit's for the PDF: the same bytes for the same
 * input on the same runtime; a different zlib build could deflate differently.
 */

export type ZipInput = readonly (readonly [path: string, data: string | Uint8Array])[];

/** DOS date and time from the UTC fields, so the bytes never depend on the time zone. */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
  };
}

const VERSION = 20; // 2.0: deflate
const UTF8_NAMES = 0x0800;

export function zipEntries(files: ZipInput, when: Date): Buffer {
  const { date, time } = dosDateTime(when);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const flags = /^[\x20-\x7e]*$/.test(path) ? 0 : UTF8_NAMES;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(VERSION, 4); // made by: MS-DOS, version 2.0
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  // A report is far below zip's 4 GiB and 65,535-entry limits; refuse rather than write a broken file.
  if (files.length > 0xffff || offset + centralSize > 0xffffffff) throw new Error('the DOCX package is too large for a zip without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
