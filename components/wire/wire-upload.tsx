'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type DragEvent } from 'react';

type FileResult = {
  name: string;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  status?: 'new' | 'updated' | 'duplicate' | 'rejected';
  detail?: string;
  id?: number;
};

const STATUS_WORDS = { new: 'New', updated: 'Updated', duplicate: 'Duplicate', rejected: 'Rejected' } as const;

/** "Upload wire files": many at once, by picker or drag and drop, with progress and a result per file. */
export function WireUpload() {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const done = results.filter((r) => r.state === 'done' || r.state === 'failed').length;

  async function send(files: File[]) {
    if (files.length === 0 || busy) return;
    setBusy(true);
    const list: FileResult[] = files.map((file) => ({ name: file.name, state: 'waiting' }));
    setResults(list);
    const update = (index: number, change: Partial<FileResult>) =>
      setResults((current) => current.map((r, i) => (i === index ? { ...r, ...change } : r)));
    for (const [index, file] of files.entries()) {
      update(index, { state: 'sending' });
      try {
        const response = await fetch('/api/wire/upload', {
          method: 'POST',
          headers: { 'x-filename': encodeURIComponent(file.name) },
          body: file,
        });
        const body = (await response.json()) as { status?: string; error?: string; message?: string; id?: number };
        const status = body.status;
        if (status === 'new' || status === 'updated' || status === 'duplicate' || status === 'rejected') {
          update(index, { state: 'done', status, detail: body.error, id: body.id });
        } else {
          // Refused before ingest (signed out, not allowed): the server says why.
          update(index, { state: 'failed', detail: body.message ?? body.error ?? `HTTP ${response.status}` });
        }
      } catch {
        update(index, { state: 'failed', detail: 'Wiredesk could not be reached; try this file again.' });
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    router.refresh();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  }

  return (
    <section className="panel wire-upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Add wire copy</h2>
      <div
        className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>Upload wire files</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          disabled={busy}
          onChange={(event) => void send([...(event.target.files ?? [])])}
        />
        <p className="field-hint">Or drop files here: NewsML, NITF, ninjs, IPTC 7901, ANPA, RSS/Atom or text.</p>
      </div>
      {results.length > 0 && (
        <>
          <progress max={results.length} value={done} aria-label="Upload progress">
            {done} of {results.length}
          </progress>
          <p role="status">
            {done} of {results.length} file{results.length === 1 ? '' : 's'} done
          </p>
          <ul className="upload-results">
            {results.map((result, i) => (
              <li key={i} data-status={result.status ?? result.state}>
                <span className="upload-results__name">{result.name}</span>{' '}
                {result.state === 'done' && result.status ? (
                  <>
                    <strong>{STATUS_WORDS[result.status]}</strong>
                    {result.detail && <span> — {result.detail}</span>}
                    {result.id && (
                      <>
                        {' '}
                        <a href={`/desk/wire/${result.id}`}>open</a>
                      </>
                    )}
                  </>
                ) : result.state === 'failed' ? (
                  <strong>Failed — {result.detail}</strong>
                ) : (
                  <span className="muted">{result.state === 'sending' ? 'Sending…' : 'Waiting'}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
