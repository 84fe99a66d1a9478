/** The JSON the request core itself reads: problem details (RFC 9457) and downloaded files. */

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

/** A file fetched from the API (a CSV export, a certificate PDF), with the name the server suggests. */
export interface FileDownload {
  blob: Blob;
  filename?: string;
}
