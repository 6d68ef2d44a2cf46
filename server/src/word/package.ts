// Opens a .docx as a zip package with bounded work: the signature first (an encrypted document or an
// old .doc is an OLE compound file, not a zip), then only the XML parts, each inflated through a
// stream that stops at the budget, so a zip bomb costs at most the budget, never the bomb.
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

/** Why a file is not a Word document itaku can read. */
export type WordProblem =
  'not-zip' | 'encrypted' | 'broken' | 'not-word' | 'macro-enabled' | 'inflated-too-large' | 'empty';

export class WordReadError extends Error {
  constructor(
    readonly problem: WordProblem,
    detail?: string,
  ) {
    super(detail ?? problem);
  }
}

/** At most this many bytes of XML are inflated from one document (all parts together). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** A package with more entries than this is not a Word document anyone wrote. */
const MAX_ENTRIES = 10_000;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const MAIN_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_DOCUMENT = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const TEMPLATE_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const MACRO_TEMPLATE = 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml';

/** The XML parts of a Word package, inflated within the budget. */
export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  /** Path of the main document part (usually word/document.xml). */
  mainPart: string;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Inflates one entry, failing as soon as the running total passes the budget. */
function inflate(file: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let stopped = false;
    const stream = file.nodeStream('nodebuffer');
    const stop = (error: WordReadError) => {
      if (stopped) return;
      stopped = true;
      stream.pause();
      stream.removeAllListeners('data');
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      if (stopped) return;
      budget.left -= chunk.length;
      if (budget.left < 0) stop(new WordReadError('inflated-too-large'));
      else chunks.push(chunk);
    });
    stream.on('error', (e: Error) => stop(new WordReadError('broken', e.message)));
    stream.on('end', () => {
      if (!stopped) resolve(Buffer.concat(chunks));
    });
  });
}

/** Parses XML without ever throwing on bad markup: a part that does not parse is a broken package. */
export function parseXml(bytes: Uint8Array | undefined, part: string): Document | undefined {
  if (!bytes) return undefined;
  let failed = '';
  const doc = new DOMParser({
    locator: {},
    errorHandler: {
      warning: () => {},
      error: (m: string) => (failed ||= m),
      fatalError: (m: string) => (failed ||= m),
    },
  }).parseFromString(new TextDecoder('utf-8').decode(bytes), 'application/xml');
  if (failed || !doc?.documentElement) throw new WordReadError('broken', `${part}: ${failed || 'no root element'}`);
  return doc as unknown as Document;
}

/** Reads the package of a .docx: every failure is a WordReadError naming what is wrong. */
export async function openDocx(bytes: Uint8Array, maxInflated = MAX_INFLATED_BYTES): Promise<DocxPackage> {
  if (startsWith(bytes, OLE_SIGNATURE)) throw new WordReadError('encrypted');
  if (!startsWith(bytes, ZIP_SIGNATURE) && !startsWith(bytes, EMPTY_ZIP_SIGNATURE)) throw new WordReadError('not-zip');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new WordReadError('broken', (e as Error).message);
  }
  const names = Object.keys(zip.files);
  if (names.length > MAX_ENTRIES) throw new WordReadError('broken', `${names.length} entries`);
  const budget = { left: maxInflated };
  const parts = new Map<string, Uint8Array>();
  for (const name of names) {
    const file = zip.files[name];
    if (file.dir || !isXmlPart(name)) continue;
    parts.set(name, await inflate(file, budget));
  }
  const types = parseXml(parts.get('[Content_Types].xml'), '[Content_Types].xml');
  if (!types) throw new WordReadError('not-word');
  let mainPart: string | undefined;
  let macros = names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
  const overrides = types.getElementsByTagName('Override');
  for (let i = 0; i < overrides.length; i++) {
    const type = overrides[i].getAttribute('ContentType') ?? '';
    const part = (overrides[i].getAttribute('PartName') ?? '').replace(/^\//, '');
    if (type === MACRO_DOCUMENT || type === MACRO_TEMPLATE) macros = true;
    if (type === MAIN_DOCUMENT || type === TEMPLATE_DOCUMENT || type === MACRO_DOCUMENT || type === MACRO_TEMPLATE)
      mainPart = part;
  }
  if (macros) throw new WordReadError('macro-enabled');
  if (!mainPart || !parts.has(mainPart)) throw new WordReadError('not-word');
  return { parts, mainPart };
}

/** The package again, as a zip of its XML parts only (stored, not compressed): what mammoth reads. */
export async function repack(pkg: DocxPackage): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of pkg.parts) zip.file(name, bytes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
