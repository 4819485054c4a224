// The callback queue (回访): due and overdue first, soonest due first; record each try and the customer's answers
// (seed 000 §4.4.5, §4.8).
import { has } from '../app.js';
import { api, idempotencyKey, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, h, toast } from '../dom.js';
import { label, options } from '../i18n.js';
import { formatTime } from '../time.js';

const SHOWN = ['DUE', 'OVERDUE', 'SCHEDULED', 'NO_CONTACT'];

export function render(main) {
  const chosen = new Set(['DUE', 'OVERDUE']);
  const list = h('div', { id: 'callback-queue', 'aria-live': 'polite' });
  const filters = h('fieldset', {}, h('legend', {}, '显示 Show'),
    SHOWN.map(status => h('label', { style: null }, h('input', { type: 'checkbox', value: status, checked: chosen.has(status),
      onchange: e => { if (e.target.checked) chosen.add(status); else chosen.delete(status); load(); } }),
    ` ${label('callbackStatus', status)} `)));
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    try {
      const page = await api('callback', mallPath('callbacks' + query({ status: [...chosen].join(','), size: 100 })));
      if (isNewest()) show(list, page.items, page.total, load);
    } catch (e) {
      if (isNewest()) clear(list, h('p', { class: 'problem' }, e.problem?.title || e.message));
    }
  };
  main.append(h('h1', { tabindex: '-1' }, '回访 Callbacks'), h('section', { class: 'card' }, filters), list);
  load();
  const timer = setInterval(load, 30000);
  return () => clearInterval(timer);
}

function show(list, callbacks, total, reload) {
  if (!callbacks.length) {
    clear(list, h('p', { class: 'notice' }, '没有待回访的记录。Nothing to call back.'));
    return;
  }
  const desk = has('FRONT_DESK', 'SUPERVISOR');
  clear(list, h('p', { class: 'muted' }, `共 ${total} 条 · ${total} in the queue`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, ['到期 Due', '状态 Status', '需求 Request', '类型 Kind', '联系人 Contacts', '处理结果 Work done', '']
        .map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, callbacks.map(c => h('tr', { dataset: { id: c.id, request: c.requestNumber || '' } },
        h('td', { 'data-label': '到期 Due' }, c.dueAt ? [formatTime(c.dueAt), h('br'),
          h('span', { class: 'clock', dataset: { deadline: c.overdueAt || c.dueAt } })] : '—'),
        h('td', { 'data-label': '状态 Status' }, label('callbackStatus', c.status),
          c.attempts?.length ? h('div', { class: 'muted' }, `已尝试 ${c.attempts.length} 次 tries`) : null,
          c.escalated ? h('span', { class: 'badge bad' }, '主管介入 Supervisor') : null),
        h('td', { 'data-label': '需求 Request' }, c.requestId ? h('a', { href: `#/request/${c.requestId}` }, c.requestNumber || c.requestId)
          : (c.tenant?.name || '—'), c.round > 1 ? ` · 第${c.round}轮 Round ${c.round}` : ''),
        h('td', { 'data-label': '类型 Kind' }, label('callbackKind', c.kind), c.department ? h('div', { class: 'muted' }, label('department', c.department)) : null),
        // Numbers exactly as callback-service shows them to this user.
        h('td', { 'data-label': '联系人 Contacts' }, (c.contacts || []).map(k => h('div', {}, [k.name, k.phone].filter(Boolean).join(' · ')))),
        h('td', { 'data-label': '处理结果 Work done' }, c.workSummary || '—'),
        h('td', {}, desk ? h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary attempt', onclick: () => attempt(c, reload) }, '记录尝试 Record try'),
          h('button', { type: 'button', class: 'result', onclick: () => result(c, reload) }, '记录结果 Record answers')) : null)))))));
}

function attempt(c, reload) {
  const key = idempotencyKey();
  dialogForm({
    title: `回访尝试 Callback try · ${c.requestNumber || c.id}`, submitLabel: '保存 Save',
    fields: [
      field({ label: '方式 Method', name: 'method', type: 'select', required: true, options: options('method') }),
      field({ label: '结果 Outcome', name: 'outcome', type: 'select', required: true, options: options('outcome') }),
      field({ label: '备注 Note', name: 'note', type: 'textarea', wide: true }),
    ],
    submit: async v => {
      await api('callback', mallPath(`callbacks/${encodeURIComponent(c.id)}/attempts`), { method: 'POST', body: v,
        headers: { 'Idempotency-Key': key } });
      toast('已记录 Recorded');
      reload();
    },
  });
}

function result(c, reload) {
  const rating = (name, text) => field({ label: text, name, type: 'select', required: true, options: options('rating'),
    value: 'SATISFIED' });
  const yesNo = (name, text) => field({ label: text, name, type: 'select', required: true,
    options: [['true', '是 Yes'], ['false', '否 No']] });
  const asks = {
    REPAIR: [rating('timeliness', '及时性 Timeliness'), rating('attitude', '态度 Attitude'), rating('quality', '质量 Quality')],
    COMPLAINT: [yesNo('complaintResolved', '问题已解决 Resolved'), yesNo('outcomeAccepted', '顾客接受结果 Outcome accepted'),
      rating('attitude', '态度 Attitude')],
    DAILY: [rating('overall', '总体 Overall')],
  }[c.kind] || [];
  dialogForm({
    title: `回访结果 Callback answers · ${c.requestNumber || c.id}`, submitLabel: '保存 Save',
    fields: [field({ label: '方式 Method', name: 'method', type: 'select', required: true, options: options('method') }),
      ...asks, field({ label: '顾客意见 Comment', name: 'comment', type: 'textarea', wide: true })],
    submit: async v => {
      for (const k of ['complaintResolved', 'outcomeAccepted']) if (k in v) v[k] = v[k] === 'true';
      const saved = await api('callback', mallPath(`callbacks/${encodeURIComponent(c.id)}/result`), { method: 'POST', body: v });
      toast(saved.satisfied ? '已记录：满意 Recorded: satisfied' : '已记录：不满意，工单将重新打开 Recorded: not satisfied, the work reopens');
      reload();
    },
  });
}
