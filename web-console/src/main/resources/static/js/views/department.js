// The department's live console: its open work orders, new and escalated ones highlighted (and a sound if turned
// on), the service-level clocks counting down, and the department's actions (seed 000 §4.5, §4.6). Live over
// dispatch's Server-Sent Events; after a reconnect (or a reload) it resumes from the last event it saw.
import { has, me } from '../app.js';
import { api, currentMall, mallPath, newestCalls, query } from '../api.js';
import { announce, clear, dialogForm, field, h, toast } from '../dom.js';
import { label, options } from '../i18n.js';
import { openStream } from '../sse.js';
import { formatTime, fromLocalInput, toLocalInput } from '../time.js';

const OPEN = ['UNASSIGNED', 'ASSIGNED', 'ACCEPTED', 'DELAYED'];
const NOTIFICATIONS_SHOWN = 50;
const ATTENTION = ['work-order.escalated', 'work-order.sla-breached', 'callback.escalated', 'callback.unreachable'];

export async function render(main) {
  const user = me().user;
  const supervises = has('SUPERVISOR', 'MANAGER');
  const department = supervises ? (sessionStorage.getItem('msd.department') || user.department || 'CUSTOMER_SERVICE')
    : user.department;
  if (!department) {
    main.append(h('p', { class: 'problem' }, '您的账号没有部门。Your account has no department.'));
    return null;
  }
  // loads: each order's newest load (an event's reload and a click's can cross), see loadOrder.
  const state = { orders: new Map(), marks: new Map(), loads: new Map(), department, stream: null, sound: false,
    audio: null };
  const liveState = h('span', { class: 'live-state', id: 'live-state', role: 'status' }, '连接中 Connecting');
  const board = h('div', { class: 'orders', id: 'orders', 'aria-label': '工单 Work orders' });
  const soundButton = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: () => {
    state.sound = !state.sound;
    soundButton.setAttribute('aria-pressed', String(state.sound));
    soundButton.textContent = state.sound ? '🔔 提示音开 Sound on' : '🔕 提示音关 Sound off';
    if (state.sound && !state.audio) state.audio = new AudioContext();
  } }, '🔕 提示音关 Sound off');
  const header = h('div', { class: 'status-line' },
    h('h1', { tabindex: '-1' }, `${label('department', department)} 工单 Work orders`), liveState, soundButton);
  if (supervises) header.append(departmentPicker(department));
  // Complaints, major incidents and outage notices the department must know of within a working day (seed 004,
  // seed 000 §4.10): shown until someone of the department acknowledges them.
  const notices = h('section', { class: 'card', id: 'notifications', 'aria-labelledby': 'notifications-title' });
  main.append(header, notices, h('p', { class: 'muted' },
    '新工单和升级的工单会高亮显示。New and escalated orders are highlighted.'), board);
  const noticeCalls = newestCalls();
  const reloadNotices = () => drawNotifications(notices, department, noticeCalls).catch(() => {});

  const refresh = id => loadOrder(state, id).then(() => draw(board, state));
  const key = `msd.lastEvent.${currentMall()}.${department}`;
  // The stream first, then the list: nothing that happens in between is missed (each event reloads its order).
  state.stream = openStream(`/console-api/dispatch/${mallPath(`departments/${encodeURIComponent(department)}/stream`)}`, {
    lastEventId: sessionStorage.getItem(key),
    onState: s => {
      liveState.className = `live-state ${s}`;
      liveState.textContent = { connecting: '连接中 Connecting', live: '实时 Live', reconnecting: '重新连接中 Reconnecting',
        'signed-out': '已退出 Signed out' }[s];
    },
    onEvent: ({ event, id, data }) => {
      if (id) sessionStorage.setItem(key, id);
      const message = JSON.parse(data);
      if (event.startsWith('notification.')) {
        if (event === 'notification.sent') {
          beep(state);
          announce(`${label('consoleEvent', event)}: ${message.data?.summary || ''}`);
        }
        reloadNotices();
        return;
      }
      if (!message.workOrderId) return;
      const mark = event === 'work-order.created' || event === 'work-order.transferred' || event === 'work-order.reopened'
        ? 'is-new' : ATTENTION.includes(event) ? 'is-escalated' : null;
      if (mark) {
        state.marks.set(message.workOrderId, mark);
        beep(state);
        announce(`${label('consoleEvent', event)}: ${message.data?.requestNumber || message.workOrderId}`);
      }
      refresh(message.workOrderId);
    },
  });
  await Promise.all([loadAll(state), reloadNotices()]);
  draw(board, state);
  return () => state.stream?.close();
}

// The department's unacknowledged notifications, however old, earliest due first (dispatch's acknowledged=false list).
// The heading counts them all; a department with more than a page open sees the first page and how many more wait.
// Every notification event reloads them: only the newest reload's answer is drawn.
async function drawNotifications(box, department, calls) {
  const isNewest = calls();
  const page = await api('dispatch', mallPath(`departments/${encodeURIComponent(department)}/notifications`
    + query({ acknowledged: false, size: NOTIFICATIONS_SHOWN })));
  if (!isNewest()) return;
  const open = page.items || [];
  const more = (page.total || 0) - open.length;
  const canAcknowledge = has('DEPT_STAFF', 'SUPERVISOR');
  clear(box, h('h2', { id: 'notifications-title' }, `通知 Notifications (${page.total ?? open.length})`),
    more > 0 ? h('p', { class: 'muted', id: 'notifications-more' },
      `另有 ${more} 条待确认，请先处理以上到期最早的。${more} more wait; the earliest due are shown first.`) : null,
    open.length === 0 ? h('p', { class: 'muted' }, '没有待确认的通知。Nothing to acknowledge.')
      : h('ul', { class: 'notifications' }, ...open.map(n => h('li', { id: `notification-${n.id}`,
        class: n.overdue ? 'is-escalated' : 'is-new' },
        h('strong', {}, label('notificationReason', n.reason)), ' ', n.summary || '', ' · ',
        h('span', { class: 'muted' }, `确认期限 Acknowledge by ${formatTime(n.dueAt)}${n.overdue ? ' · 已逾期 Overdue' : ''}`), ' ',
        canAcknowledge ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            await api('dispatch', mallPath(`notifications/${encodeURIComponent(n.id)}/acknowledgement`), { method: 'POST' });
            toast('已确认 Acknowledged');
            drawNotifications(box, department, calls);
          } catch (error) {
            toast(error.problem?.title || String(error));
          }
        } }, '确认 Acknowledge') : null))));
}

function departmentPicker(current) {
  const select = h('select', { id: 'department-picker' }, options('department').map(([code, text]) =>
    h('option', { value: code, selected: code === current }, text)));
  select.addEventListener('change', () => {
    sessionStorage.setItem('msd.department', select.value);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return h('label', {}, '部门 Department ', select);
}

async function loadAll(state) {
  const open = await openOrders(state.department);
  // The list has no running clocks; each open order is read once for its deadlines.
  for (let i = 0; i < open.length; i += 4) {
    await Promise.all(open.slice(i, i + 4).map(o => loadOrder(state, o.id)));
  }
}

const PAGE_SIZE = 200;

// Every open order of the department, however old: dispatch's list of open orders, page after page while its total
// says there is more. Should the total change during the walk (an order closed between two pages moves the next ones
// up a page), the walk starts again, at most three times; events received meanwhile reload their own orders.
async function openOrders(department) {
  let found = new Map();
  for (let attempt = 0; attempt < 3; attempt++) {
    found = new Map();
    let total = null;
    let steady = true;
    for (let page = 0; ; page++) {
      const answer = await api('dispatch', mallPath('work-orders'
        + query({ department, open: true, page, size: PAGE_SIZE })));
      if (total === null) total = answer.total;
      else if (answer.total !== total) steady = false;
      answer.items.filter(o => OPEN.includes(o.status)).forEach(o => found.set(o.id, o));
      if (!answer.items.length || (page + 1) * PAGE_SIZE >= answer.total) break;
    }
    if (steady) break;
  }
  return [...found.values()];
}

// One order read again, after an event or an action of this console; the newest read of it wins, so an answer that
// crossed a later one cannot bring back the order as it was.
async function loadOrder(state, id) {
  if (!state.loads.has(id)) state.loads.set(id, newestCalls());
  const isNewest = state.loads.get(id)();
  try {
    const order = await api('dispatch', mallPath(`work-orders/${encodeURIComponent(id)}`));
    if (!isNewest()) return;
    if (order.department === state.department && OPEN.includes(order.status)) state.orders.set(id, order);
    else state.orders.delete(id);
  } catch (e) {
    if (isNewest() && (e.status === 404 || e.status === 403)) state.orders.delete(id);
  }
}

function beep(state) {
  if (!state.sound || !state.audio) return;
  const oscillator = state.audio.createOscillator();
  const gain = state.audio.createGain();
  oscillator.frequency.value = 880;
  gain.gain.value = 0.15;
  oscillator.connect(gain).connect(state.audio.destination);
  oscillator.start();
  oscillator.stop(state.audio.currentTime + 0.25);
}

function draw(board, state) {
  const focused = document.activeElement?.closest?.('.order')?.dataset.id;
  const orders = [...state.orders.values()].sort((a, b) => (b.escalationLevel - a.escalationLevel)
    || String(a.createdAt).localeCompare(String(b.createdAt)));
  if (!orders.length) {
    clear(board, h('p', { class: 'notice' }, '目前没有待处理的工单。No open work orders.'));
    return;
  }
  clear(board, orders.map(o => card(o, state)));
  if (focused) board.querySelector(`.order[data-id="${CSS.escape(focused)}"] button`)?.focus();
}

function card(o, state) {
  const mark = state.marks.get(o.id) || (o.escalationLevel > 0 || o.overdue ? 'is-escalated' : '');
  const place = [o.location?.floor, o.location?.zone, o.location?.unit].filter(Boolean).join(' / ');
  const reload = () => loadOrder(state, o.id).then(() => draw(document.getElementById('orders'), state));
  const act = (path, body, done) => api('dispatch', mallPath(`work-orders/${encodeURIComponent(o.id)}/${path}`),
    { method: 'POST', body }).then(result => { state.marks.delete(o.id); toast(done); reload(); return result; });
  const clocks = Object.entries(o.deadlines || {});
  return h('article', { class: `order ${mark}`, dataset: { id: o.id, number: o.requestNumber || '' },
    'aria-labelledby': `wo-${o.id}` },
    h('h3', { id: `wo-${o.id}` }, `${o.requestNumber || o.id} · ${label('kind', o.kind)}`),
    h('div', { class: 'status-line' }, h('span', { class: 'badge' }, label('workOrderStatus', o.status)),
      o.escalationLevel ? h('span', { class: 'badge bad' }, `升级 Escalated L${o.escalationLevel} → ${label('role', o.escalatedTo)}`) : null,
      o.overdue ? h('span', { class: 'badge bad' }, '已超时 Overdue') : null,
      o.round > 1 ? h('span', { class: 'badge warn' }, `返工 Round ${o.round}`) : null),
    h('p', {}, o.description),
    h('dl', {},
      h('dt', {}, '地点 Place'), h('dd', {}, place || '—'),
      // Shown exactly as dispatch returns it: full to the handling department, masked where the API masks.
      h('dt', {}, '顾客 Customer'), h('dd', {}, [o.customer?.name, o.customer?.phone].filter(Boolean).join(' · ') || '—'),
      h('dt', {}, '派单 Ordered'), h('dd', {}, formatTime(o.orderedAt || o.createdAt)),
      o.promisedAt ? [h('dt', {}, '承诺 Promised'), h('dd', {}, formatTime(o.promisedAt))] : null,
      clocks.map(([rule, deadline]) => [h('dt', {}, label('rule', rule)),
        h('dd', {}, h('span', { class: 'clock', dataset: { deadline } }, ''), ' ', h('span', { class: 'muted' }, formatTime(deadline)))])),
    h('div', { class: 'actions' },
      o.status === 'ASSIGNED' ? h('button', { type: 'button', class: 'accept', onclick: () => act('accept', undefined, `已受理 Accepted ${o.requestNumber}`) }, '受理 Accept') : null,
      !o.contactedAt && o.status !== 'UNASSIGNED' ? h('button', { type: 'button', class: 'secondary contact',
        onclick: () => act('contact', undefined, '已记录联系顾客 Contact recorded') }, '已联系顾客 Contacted') : null,
      o.status !== 'UNASSIGNED' ? h('button', { type: 'button', class: 'secondary delay', onclick: () => dialogForm({
        title: `延期 Delay ${o.requestNumber}`, submitLabel: '延期 Delay',
        fields: [field({ label: '原因 Reason', name: 'reason', type: 'textarea', required: true, wide: true }),
          field({ label: '承诺完成时间 Promised time', name: 'promisedAt', type: 'datetime-local', required: true,
            value: toLocalInput(new Date(Date.now() + 24 * 3600000)) })],
        submit: v => act('delay', { reason: v.reason, promisedAt: fromLocalInput(v.promisedAt) }, '已延期 Delayed'),
      }) }, '延期 Delay') : null,
      o.status !== 'UNASSIGNED' ? h('button', { type: 'button', class: 'complete', onclick: () => dialogForm({
        title: `完成 Complete ${o.requestNumber}`, submitLabel: '完成返单 Complete',
        fields: [field({ label: '处理结果 Summary', name: 'summary', type: 'textarea', required: true, wide: true })],
        submit: v => act('complete', v, `已完成 Completed ${o.requestNumber}`),
      }) }, '完成 Complete') : null,
      o.status !== 'UNASSIGNED' ? h('button', { type: 'button', class: 'secondary transfer', onclick: () => dialogForm({
        title: `转派 Transfer ${o.requestNumber}`, submitLabel: '转派 Transfer',
        fields: [field({ label: '转到部门 To department', name: 'toDepartment', type: 'select', required: true,
          options: options('department').filter(([code]) => code !== o.department) }),
          field({ label: '原因 Reason', name: 'reason', type: 'textarea', required: true, wide: true })],
        submit: v => act('transfer', v, '已转派 Transferred'),
      }) }, '转派 Transfer') : null,
      h('button', { type: 'button', class: 'secondary escalate', onclick: () => dialogForm({
        title: `升级 Escalate ${o.requestNumber}`, submitLabel: '升级 Escalate',
        fields: [field({ label: '原因 Reason', name: 'reason', type: 'textarea', required: true, wide: true })],
        submit: v => act('escalate', v, '已升级 Escalated'),
      }) }, '升级 Escalate')));
}
