// Minimal ANSI styling, on only for a TTY (NO_COLOR / FORCE_COLOR respected).
export type Style = 'red' | 'yellow' | 'blue' | 'green' | 'gray' | 'bold' | 'underline' | 'dim';

const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
  gray: [90, 39],
  bold: [1, 22],
  underline: [4, 24],
  dim: [2, 22],
};

export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function painter(enabled: boolean) {
  return (style: Style, text: string) =>
    enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
}
