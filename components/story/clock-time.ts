/** `14:05` on the newsroom's clock (the browser's if no zone is given), as every time on the desk. */
export function clockTime(at: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    at,
  );
}
