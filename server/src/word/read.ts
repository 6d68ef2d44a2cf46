// A .docx (bytes) to a Markdown body and its custom properties. Pure: no file system, no network
// (mammoth's external file access stays off, images are never read).
import mammoth from 'mammoth';
import { XMLSerializer } from '@xmldom/xmldom';
import { NumberingDefinitions, writeNumbersIntoText } from './numbering';
import { openDocx, parseXml, repack, WordReadError, type DocxPackage } from './package';
import { readCustomProperties, type WordProperties } from './properties';
import { documentToMarkdown, type MammothElement, type MarkdownBody } from './toMarkdown';

export interface WordConversion extends MarkdownBody {
  properties: WordProperties;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment) parts.push(segment);
  }
  return parts.join('/');
}

/** The part a relationship of `type` points to from `sourcePart` (`''` for the package itself). */
function relatedPart(pkg: DocxPackage, sourcePart: string, type: string, fallback: string): string {
  const folder = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
  const name = sourcePart.slice(folder.length);
  const relsPath = `${folder}_rels/${name}.rels`;
  const rels = parseXml(pkg.parts.get(relsPath), relsPath);
  const list = rels?.getElementsByTagName('Relationship');
  for (let i = 0; list && i < list.length; i++)
    if (list[i].getAttribute('Type') === `${REL}/${type}` && list[i].getAttribute('TargetMode') !== 'External')
      return resolveTarget(sourcePart || 'package', list[i].getAttribute('Target') ?? '');
  return fallback;
}

/**
 * Converts a Word document. Throws WordReadError (never anything else) when the bytes are not a
 * Word document itaku can read: not a zip, encrypted, broken, macro-enabled or a zip bomb.
 */
export async function convertDocx(bytes: Uint8Array, maxInflated?: number): Promise<WordConversion> {
  const pkg = await openDocx(bytes, maxInflated);
  try {
    const main = pkg.mainPart;
    const document = parseXml(pkg.parts.get(main), main)!;
    const styles = parseXml(pkg.parts.get(relatedPart(pkg, main, 'styles', 'word/styles.xml')), 'styles');
    const numbering = parseXml(pkg.parts.get(relatedPart(pkg, main, 'numbering', 'word/numbering.xml')), 'numbering');
    if (writeNumbersIntoText(document, new NumberingDefinitions(numbering, styles)))
      pkg.parts.set(main, new TextEncoder().encode(new XMLSerializer().serializeToString(document)));
    const customPart = relatedPart(pkg, '', 'custom-properties', 'docProps/custom.xml');
    const properties = readCustomProperties(parseXml(pkg.parts.get(customPart), customPart));
    let model: MammothElement | undefined;
    await mammoth.convertToHtml(
      { buffer: await repack(pkg) },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (d: MammothElement) => (model = d),
      },
    );
    if (!model) throw new WordReadError('broken', 'mammoth returned no document');
    return { ...documentToMarkdown(model), properties };
  } catch (e) {
    if (e instanceof WordReadError) throw e;
    throw new WordReadError('broken', (e as Error)?.message ?? String(e));
  }
}
