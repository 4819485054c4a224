// One request with its timeline (where is my repair?), and the front desk's actions: accept, cancel, merge.
import { has } from '../app.js';
import { api, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, h, toast } from '../dom.js';
import { label } from '../i18n.js';
import { formatTime } from '../time.js';
import { accept } from './messages.js';

export async function render(main, [id]) {
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    const r = await api('intake', mallPath(`requests/${encodeURIComponent(id)}`));
    if (!isNewest()) return;
    clear(main, view(r, load));
    main.querySelector('h1').focus();
  };
  await load().catch(e => clear(main, h('p', { class: 'problem', role: 'alert' }, e.problem?.title || e.message)));
}

const OPEN = ['PENDING_ACCEPTANCE', 'REGISTERED', 'DISPATCHED', 'IN_PROGRESS'];

function view(r, reload) {
  const desk = has('FRONT_DESK', 'SUPERVISOR');
  const rows = [
    ['状态 Status', label('requestStatus', r.status)], ['类型 Kind', label('kind', r.kind)],
    ['渠道 Channel', label('channel', r.channel)], ['优先级 Priority', label('priority', r.priority)],
    ['收到 Received', formatTime(r.receivedAt)], ['地点 Place', [r.location?.floor, r.location?.zone, r.location?.unit].filter(Boolean).join(' / ') || '—'],
    // Phone numbers exactly as the service shows them to this user (masked where the API masks).
    ['顾客 Customer', [r.customer?.name, r.customer?.phone, label('customerType', r.customer?.type)].filter(x => x && x !== '—').join(' · ') || '—'],
    ['负责人 Owner', r.owner?.name || r.owner?.id || '—'], ['部门 Department', label('department', r.department)],
    ['工单 Work order', r.workOrderId || '—'],
  ];
  if (r.deadlines?.acceptanceDueAt && r.status === 'PENDING_ACCEPTANCE') {
    rows.push(['受理时限 Acceptance limit', h('span', { class: 'clock', dataset: { deadline: r.deadlines.acceptanceDueAt } })]);
  }
  if (r.possibleDuplicateOf) rows.push(['可能重复 Possible duplicate of', h('a', { href: `#/request/${r.possibleDuplicateOf}` }, r.possibleDuplicateOf)]);
  if (r.mergedInto) rows.push(['合并到 Merged into', h('a', { href: `#/request/${r.mergedInto}` }, r.mergedInto)]);
  if (r.cancelReason) rows.push(['取消原因 Cancel reason', r.cancelReason]);
  const actions = h('div', { class: 'actions' });
  if (desk && r.status === 'PENDING_ACCEPTANCE') actions.append(h('button', { type: 'button', onclick: () => accept(r, reload) }, '受理 Accept'));
  if (desk && OPEN.includes(r.status)) {
    actions.append(
      h('button', { type: 'button', class: 'secondary', id: 'merge-request', onclick: () => merge(r, reload) }, '合并到… Merge into…'),
      h('button', { type: 'button', class: 'danger', id: 'cancel-request', onclick: () => cancel(r, reload) }, '取消 Cancel request'));
  }
  return h('article', { class: 'card', 'aria-labelledby': 'request-title' },
    h('h1', { id: 'request-title', tabindex: '-1' }, `${r.number || r.id} ${label('kind', r.kind)}`),
    h('p', {}, r.description),
    h('dl', { class: 'grid' }, rows.map(([k, v]) => h('div', {}, h('dt', { class: 'muted' }, k), h('dd', {}, v)))),
    r.reporters?.length ? h('section', {}, h('h2', {}, '报告人 Reporters'),
      h('ul', {}, r.reporters.map(p => h('li', {}, [p.number, p.name, p.phone].filter(Boolean).join(' · '))))) : null,
    actions,
    h('h2', {}, '进度 Timeline'),
    h('ol', { class: 'timeline', id: 'timeline' }, (r.timeline || []).map(t => h('li', {},
      h('strong', {}, label('timeline', t.type)), ' ', h('span', { class: 'muted' }, formatTime(t.at)),
      t.department ? ` · ${label('department', t.department)}` : '', t.by ? ` · ${t.by}` : '',
      t.promisedAt ? ` · 承诺 Promised ${formatTime(t.promisedAt)}` : '', t.toRole ? ` · → ${label('role', t.toRole)}` : '',
      t.satisfied !== undefined ? ` · ${t.satisfied ? '满意 Satisfied' : '不满意 Not satisfied'}` : '',
      t.note ? h('div', {}, t.note) : null))));
}

function cancel(r, reload) {
  dialogForm({
    title: `取消 Cancel ${r.number}`, submitLabel: '取消需求 Cancel request',
    fields: [field({ label: '原因 Reason', name: 'reason', type: 'textarea', required: true, wide: true })],
    submit: async values => {
      await api('intake', mallPath(`requests/${encodeURIComponent(r.id)}/cancel`), { method: 'POST', body: values });
      toast(`已取消 Cancelled ${r.number}`);
      reload();
    },
  });
}

function merge(r, reload) {
  dialogForm({
    title: `合并 Merge ${r.number}`, submitLabel: '合并 Merge',
    fields: [field({ label: '保留的需求编号 Number of the request that keeps the work', name: 'parentNumber', required: true,
      value: '', hint: '例 e.g. M001-20261125-0003', wide: true })],
    submit: async values => {
      const found = await api('intake', mallPath('requests' + query({ q: values.parentNumber, size: 5 })));
      const parent = found.items.find(x => x.number === values.parentNumber);
      if (!parent) {
        const error = new Error('not found');
        error.problem = { title: '找不到该编号 No request with that number',
          errors: [{ field: 'parentNumber', code: 'not-found', message: '找不到 Not found' }] };
        throw error;
      }
      await api('intake', mallPath(`requests/${encodeURIComponent(r.id)}/merge`), { method: 'POST', body: { parentId: parent.id } });
      toast(`已合并 Merged into ${parent.number}`);
      reload();
    },
  });
}
