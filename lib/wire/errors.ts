/**
 * Wire input that cannot be turned into items. The message is one line that names the
 * problem in words a desk editor understands; ingest shows it next to the kept raw bytes.
 */
export class WireParseError extends Error {
  override name = 'WireParseError';
  constructor(message: string) {
    // One line, always: the CLI prints it as is and the wire queue shows it in a table cell.
    super(message.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  }
}
