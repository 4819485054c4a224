// Outage and other notices (停电/停水通知, seed 000 §4.10) and the state of each store's delivery.
import { has } from '../app.js';
import { api, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, h, toast } from '../dom.js';
import { label, options } from '../i18n.js';
import { formatTime, fromLocalInput, toLocalInput } from '../time.js';

export function render(main) {
  const list = h('div', { id: 'notice-list' });
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    const notices = (await api('intake', mallPath('notices' + query({ size: 50 })))).items;
    if (!isNewest()) return;
    show(list, notices, load);
  };
  main.append(h('div', { class: 'status-line' }, h('h1', { tabindex: '-1' }, '通知 Notices'),
    has('FRONT_DESK', 'SUPERVISOR') ? h('button', { type: 'button', id: 'new-notice', onclick: () => publish(load) },
      '发布通知 Publish a notice') : null), list);
  load().catch(e => clear(list, h('p', { class: 'problem' }, e.problem?.title || e.message)));
}

function show(box, notices, reload) {
  if (!notices.length) {
    clear(box, h('p', { class: 'notice' }, '暂无通知。No notices yet.'));
    return;
  }
  const canAck = has('FRONT_DESK', 'SUPERVISOR');
  clear(box, notices.map(n => h('article', { class: 'card' },
    h('h2', {}, `${label('noticeKind', n.kind)} · ${formatTime(n.startsAt)} – ${formatTime(n.endsAt)}`),
    h('p', {}, n.message),
    h('p', { class: 'muted' }, `楼层 Floors: ${n.floors?.join(', ') || '全部 all'} · 区域 Zones: ${n.zones?.join(', ') || '全部 all'}`),
    h('p', {}, Object.entries(n.deliveryCounts || {}).map(([state, count]) =>
      h('span', { class: `badge ${state === 'FAILED' ? 'bad' : state === 'ACKNOWLEDGED' ? 'ok' : ''}` }, `${label('deliveryState', state)} ${count}`), ' ')),
    deliveries(n, canAck, reload))));
}

/** A notice's deliveries are paged by the service: the first 200 are read when the list is opened. */
function deliveries(n, canAck, reload) {
  const box = h('div', { class: 'table-wrap' }, h('p', { class: 'muted' }, '载入中 Loading…'));
  const details = h('details', {}, h('summary', {}, `各商户送达 Deliveries (${n.recipients ?? ''})`), box);
  details.addEventListener('toggle', async () => {
    if (!details.open) {
      return;
    }
    try {
      const page = await api('intake', mallPath(`notices/${encodeURIComponent(n.id)}/deliveries` + query({ size: 200 })));
      clear(box, h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, ['商户 Store', '状态 State', '尝试 Tries', '说明 Detail', ''].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map(d => h('tr', {},
          h('td', { 'data-label': '商户 Store' }, d.tenantName || d.tenantId),
          h('td', { 'data-label': '状态 State' }, label('deliveryState', d.state)),
          h('td', { 'data-label': '尝试 Tries' }, d.attempts),
          h('td', { 'data-label': '说明 Detail' }, d.lastError || '', d.nextAttemptAt ? ` · 下次 Next ${formatTime(d.nextAttemptAt)}` : ''),
          h('td', {}, canAck && d.state !== 'ACKNOWLEDGED' ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
            await api('intake', mallPath(`notices/${encodeURIComponent(n.id)}/deliveries/${encodeURIComponent(d.id)}/ack`), { method: 'POST' });
            toast('已确认 Acknowledged');
            reload();
          } }, '商户已确认 Store confirmed') : null))))),
        page.total > page.items.length ? h('p', { class: 'muted' }, `显示前 ${page.items.length} 条，共 ${page.total} 条 · first ${page.items.length} of ${page.total}`) : null);
    } catch (e) {
      clear(box, h('p', { class: 'problem' }, e.problem?.title || e.message));
    }
  });
  return details;
}

function publish(reload) {
  const start = new Date(Date.now() + 24 * 3600000);
  dialogForm({
    title: '发布通知 Publish a notice', submitLabel: '发布 Publish',
    fields: [
      field({ label: '类型 Kind', name: 'kind', type: 'select', required: true, options: options('noticeKind') }),
      field({ label: '楼层（逗号分隔，空为全部）Floors (comma-separated, empty: all)', name: 'floors' }),
      field({ label: '区域（逗号分隔，空为全部）Zones', name: 'zones' }),
      field({ label: '开始 Starts', name: 'startsAt', type: 'datetime-local', required: true, value: toLocalInput(start) }),
      field({ label: '结束 Ends', name: 'endsAt', type: 'datetime-local', required: true, value: toLocalInput(new Date(start.getTime() + 2 * 3600000)) }),
      field({ label: '内容 Message', name: 'message', type: 'textarea', required: true, wide: true }),
    ],
    submit: async v => {
      const list = text => (text || '').split(/[,，\s]+/).filter(Boolean);
      await api('intake', mallPath('notices'), { method: 'POST', body: { kind: v.kind, floors: list(v.floors), zones: list(v.zones),
        startsAt: fromLocalInput(v.startsAt), endsAt: fromLocalInput(v.endsAt), message: v.message } });
      toast('已发布 Published');
      reload();
    },
  });
}
