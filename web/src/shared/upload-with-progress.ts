import { ApiError } from '../api/client';

export interface UploadOptions {
  url: string;
  /** Form field name → file. */
  field: string;
  file: File;
  /** The session's CSRF token: cookie-authenticated writes need it (double submit). */
  csrfToken: string | undefined;
  language: 'vi' | 'en';
  /** 0…1 of the bytes sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * A multipart upload with progress. fetch (and so the typed API client) reports no upload
 * progress; XMLHttpRequest does. Errors become the same ApiError as the API client's, with the
 * server's message in the user's language.
 */
export function uploadWithProgress<T>(options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', options.url);
    request.withCredentials = true;
    request.setRequestHeader('accept-language', options.language);
    if (options.csrfToken) request.setRequestHeader('x-csrf-token', options.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        options.onProgress?.(1);
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; problems?: { code: string; message: string }[] } })
        ?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? `http.${request.status}`,
          error?.message ?? (options.language === 'vi' ? `Lỗi máy chủ (${request.status})` : `Server error (${request.status})`),
          error?.problems,
        ),
      );
    };
    request.onerror = () =>
      reject(
        new ApiError(
          0,
          'network',
          options.language === 'vi' ? 'Mất kết nối tới máy chủ; hãy thử lại' : 'The connection to the server was lost; try again',
        ),
      );
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append(options.field, options.file, options.file.name);
    request.send(form);
  });
}
