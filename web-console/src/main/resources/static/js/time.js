// Times in the mall's zone (from intake's settings), whatever the browser's own zone is.

let zone = 'Asia/Shanghai';

export function setZone(z) { zone = z || 'Asia/Shanghai'; }
export function currentZone() { return zone; }

function parts(date, z = zone) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(f.formatToParts(date).filter(p => p.type !== 'literal').map(p => [p.type, p.value]));
}

/** 2026-11-25 14:05 in the mall's zone. */
export function formatTime(iso, withSeconds = false) {
  if (!iso) return '—';
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${withSeconds ? ':' + p.second : ''}`;
}

/** yyyy-mm-dd of the mall's day of an instant (today when none is given). */
export function localDate(date = new Date()) {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

export function localMonth(date = new Date()) {
  return localDate(date).slice(0, 7);
}

/** The value for an <input type="datetime-local"> showing this instant in the mall's zone. */
export function toLocalInput(date) {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function offsetAt(epochMillis) {
  const p = parts(new Date(epochMillis));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(epochMillis / 1000) * 1000;
}

/** "2026-11-26T15:00" read as the mall's wall-clock time → an ISO instant. */
export function fromLocalInput(value) {
  if (!value) return null;
  const [d, t] = value.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, day, hh, mm);
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}

/** A countdown text: "剩 04:12 left" or "超时 12:03 overdue". */
export function countdown(iso, now = Date.now()) {
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const s = Math.floor(abs / 1000) % 60;
  const m = Math.floor(abs / 60000) % 60;
  const hours = Math.floor(abs / 3600000);
  const text = hours >= 48 ? `${Math.floor(hours / 24)}天 ${hours % 24}h`
    : `${hours ? hours + ':' : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return { late: ms < 0, soon: ms >= 0 && ms < 5 * 60000, text: ms < 0 ? `超时 ${text} overdue` : `剩 ${text} left` };
}
