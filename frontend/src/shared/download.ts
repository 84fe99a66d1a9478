import type { FileDownload } from './api/types';

/** Saves data as a pretty-printed JSON file through the browser's ordinary download. */
export function saveJsonFile(filename: string, data: unknown): void {
  saveBlob(filename, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
}

/** Saves plain text as a file through the browser's ordinary download. */
export function saveTextFile(filename: string, text: string): void {
  saveBlob(filename, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

/** Saves a file fetched from the API, under the name the server suggested or else `fallback`. */
export function saveDownload(file: FileDownload, fallback: string): string {
  const filename = file.filename || fallback;
  saveBlob(filename, file.blob);
  return filename;
}

/** Saves a blob through the browser's ordinary download. */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
