import { expect, test } from 'vitest';
import { createLogger, logRequestLine } from './log.js';

function capturingLogger(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

test('a request line written directly is the line pino writes for the same request', () => {
  const entry = {
    reqId: 'abc-123',
    method: 'GET',
    path: '/world/"quoted"-caf\u00e9-\u2028-\\back',
    status: 200,
    ms: 0.4,
  };
  const viaPino = capturingLogger();
  viaPino.logger.info(entry, 'request');
  const direct = capturingLogger();
  logRequestLine(direct.logger, entry);

  const [expected, actual] = [viaPino.lines[0]!, direct.lines[0]!].map((line) => {
    const { time, ...rest } = JSON.parse(line) as { time: string };
    expect(new Date(time).toISOString()).toBe(time);
    return rest;
  });
  expect(actual).toEqual(expected);
  expect(direct.lines[0]!.endsWith('\n')).toBe(true);
});

test('below info, no request line is written', () => {
  const quiet = capturingLogger('warn');
  logRequestLine(quiet.logger, { reqId: 'x', method: 'GET', path: '/', status: 200, ms: 1 });
  expect(quiet.lines).toEqual([]);
});
