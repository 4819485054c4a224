// The reception log: search by status, kind, channel, department, time and free text; open a request.
import { api, mallPath, newestCalls, query } from '../api.js';
import { clear, field, formValues, h, showProblem } from '../dom.js';
import { label, options } from '../i18n.js';
import { formatTime, fromLocalInput } from '../time.js';

export function render(main) {
  const results = h('div', { id: 'request-results', 'aria-live': 'polite' });
  const form = h('form', { id: 'request-search', role: 'search', novalidate: true },
    h('h1', {}, '查询需求 Search requests'),
    h('div', { class: 'grid' },
      field({ label: '关键词 Text (number, name, description)', name: 'q', type: 'search', attrs: { autofocus: true } }),
      field({ label: '状态 Status', name: 'status', type: 'select', options: options('requestStatus', '全部 All') }),
      field({ label: '类型 Kind', name: 'kind', type: 'select', options: options('kind', '全部 All') }),
      field({ label: '渠道 Channel', name: 'channel', type: 'select', options: options('channel', '全部 All') }),
      field({ label: '部门 Department', name: 'department', type: 'select', options: options('department', '全部 All') }),
      field({ label: '从 From', name: 'from', type: 'datetime-local' }),
      field({ label: '到 To', name: 'to', type: 'datetime-local' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '查询 Search')));
  let page = 0;
  const begin = newestCalls();
  const search = async () => {
    const isNewest = begin();
    const v = formValues(form);
    try {
      const found = await api('intake', mallPath('requests' + query({ ...v, from: fromLocalInput(v.from),
        to: fromLocalInput(v.to), page, size: 20 })));
      if (isNewest()) show(results, found, p => { page = p; search(); });
    } catch (e) {
      if (isNewest()) showProblem(form, e);
    }
  };
  form.addEventListener('submit', e => { e.preventDefault(); page = 0; search(); });
  main.append(h('section', { class: 'card' }, form), results);
  search();
}

function show(box, found, goTo) {
  const pages = Math.max(1, Math.ceil(found.total / found.size));
  clear(box, h('p', { class: 'muted' }, `共 ${found.total} 条 · ${found.total} found · 第 ${found.page + 1}/${pages} 页 page`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, ['编号 Number', '收到 Received', '类型 Kind', '渠道 Channel', '状态 Status', '部门 Department',
        '事由 Description'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, found.items.map(r => h('tr', {},
        h('td', { 'data-label': '编号 Number' }, h('a', { href: `#/request/${r.id}` }, r.number || r.id)),
        h('td', { 'data-label': '收到 Received' }, formatTime(r.receivedAt)),
        h('td', { 'data-label': '类型 Kind' }, label('kind', r.kind)),
        h('td', { 'data-label': '渠道 Channel' }, label('channel', r.channel)),
        h('td', { 'data-label': '状态 Status' }, label('requestStatus', r.status),
          r.possibleDuplicateOf && r.status !== 'MERGED' ? h('span', { class: 'badge warn' }, ' 可能重复 Duplicate?') : null),
        h('td', { 'data-label': '部门 Department' }, label('department', r.department)),
        h('td', { 'data-label': '事由 Description' }, r.description)))))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', disabled: found.page === 0, onclick: () => goTo(found.page - 1) }, '上一页 Previous'),
      h('button', { type: 'button', class: 'secondary', disabled: found.page + 1 >= pages, onclick: () => goTo(found.page + 1) }, '下一页 Next')));
}
