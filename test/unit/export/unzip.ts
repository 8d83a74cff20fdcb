import JSZip from 'jszip';

/** The files of a ZIP archive (an XLSX) as text, read with JSZip, so tests can look at the raw sheet XML. */
export async function unzip(buf: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const files = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) files.set(name, await file.async('string'));
  return files;
}
