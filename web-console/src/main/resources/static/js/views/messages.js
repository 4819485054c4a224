// Online messages (WeChat, QQ, online platform, email) waiting to be accepted, each with its acceptance countdown:
// they must be accepted within the mall's limit, 5 minutes by default (seed 001 §二.3).
import { api, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, h, toast } from '../dom.js';
import { label, options } from '../i18n.js';
import { formatTime } from '../time.js';

export function render(main) {
  const list = h('div', { id: 'message-queue', 'aria-live': 'polite' });
  main.append(h('h1', {}, '线上留言待受理 Online messages to accept'),
    h('p', { class: 'muted' }, '每条留言须在时限内受理（默认 5 分钟）。Accept each message within the limit (5 minutes by default).'),
    list);
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    try {
      const page = await api('intake', mallPath('requests' + query({ status: 'PENDING_ACCEPTANCE', sort: 'receivedAt,asc',
        size: 100 })));
      if (isNewest()) show(list, page.items, load);
    } catch (e) {
      if (isNewest()) clear(list, h('p', { class: 'problem' }, e.problem?.title || e.message));
    }
  };
  load();
  const timer = setInterval(load, 10000);
  return () => clearInterval(timer);
}

function show(list, items, reload) {
  if (!items.length) {
    clear(list, h('p', { class: 'notice' }, '没有待受理的留言。No messages waiting.'));
    return;
  }
  clear(list, h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
    h('thead', {}, h('tr', {}, ['受理时限 Limit', '渠道 Channel', '收到 Received', '事由 Description', '顾客 Customer', '']
      .map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(r => h('tr', { dataset: { id: r.id } },
      h('td', { 'data-label': '时限 Limit' }, r.deadlines?.acceptanceDueAt
        ? h('span', { class: 'clock', dataset: { deadline: r.deadlines.acceptanceDueAt } }, '') : '—',
      r.deadlines?.acceptanceOverdue ? h('span', { class: 'badge bad' }, ' 已超时 Overdue') : null),
      h('td', { 'data-label': '渠道 Channel' }, label('channel', r.channel)),
      h('td', { 'data-label': '收到 Received' }, formatTime(r.receivedAt)),
      h('td', { 'data-label': '事由 Description' }, h('a', { href: `#/request/${r.id}` }, r.description)),
      h('td', { 'data-label': '顾客 Customer' }, [r.customer?.name, r.customer?.phone].filter(Boolean).join(' ')),
      h('td', {}, h('button', { type: 'button', onclick: () => accept(r, reload) }, '受理 Accept'))))))));
}

export function accept(request, done) {
  dialogForm({
    title: `受理 Accept ${request.number || ''}`,
    submitLabel: '受理 Accept',
    fields: [
      field({ label: '类型 Kind', name: 'kind', type: 'select', options: options('kind'), value: request.kind }),
      field({ label: '优先级 Priority', name: 'priority', type: 'select', options: options('priority'), value: request.priority || 'NORMAL' }),
      field({ label: '分类 Category', name: 'category', value: request.category || '' }),
    ],
    submit: async values => {
      await api('intake', mallPath(`requests/${encodeURIComponent(request.id)}/accept`), { method: 'POST', body: values });
      toast(`已受理 Accepted ${request.number || ''}`);
      done?.();
    },
  });
}
