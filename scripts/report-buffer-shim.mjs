/**
 * The page has no Node Buffer. csv-stringify (which writes the page's CSV download, as it writes
 * the CLI's) touches Buffer only to make its byte order mark and to ask whether an option is a
 * Buffer; the page passes strings and no BOM, so this stands in for it (esbuild inject).
 */
export const Buffer = {
  from: (bytes) => Uint8Array.from(bytes),
  isBuffer: () => false,
};
