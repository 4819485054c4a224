// The tenant directory (业户档案, seed 004): anchor stores and counters, with their contacts.
import { has } from '../app.js';
import { api, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, formValues, h, toast } from '../dom.js';
import { label, options } from '../i18n.js';

export function render(main) {
  const results = h('div', { id: 'tenant-list' });
  const form = h('form', { role: 'search', novalidate: true },
    h('div', { class: 'grid' },
      field({ label: '楼层 Floor', name: 'floor' }),
      field({ label: '类型 Kind', name: 'kind', type: 'select', options: options('tenantKind', '全部 All') }),
      field({ label: '状态 State', name: 'active', type: 'select', options: [['true', '营业中 Active'], ['false', '已撤场 Left'], ['', '全部 All']] })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '查询 Search'),
      has('FRONT_DESK', 'SUPERVISOR', 'MANAGER') ? h('button', { type: 'button', class: 'secondary', id: 'add-tenant',
        onclick: () => edit(null, load) }, '新增商户 Add a store') : null));
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    const page = await api('intake', mallPath('tenants' + query({ ...formValues(form), size: 200 })));
    if (!isNewest()) return;
    show(results, page.items || page, load);
  };
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  main.append(h('h1', { tabindex: '-1' }, '商户档案 Tenant directory'), h('section', { class: 'card' }, form), results);
  load().catch(e => clear(results, h('p', { class: 'problem' }, e.problem?.title || e.message)));
}

function show(box, tenants, reload) {
  const editable = has('FRONT_DESK', 'SUPERVISOR', 'MANAGER');
  clear(box, h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
    h('thead', {}, h('tr', {}, ['名称 Name', '类型 Kind', '位置 Place', '联系人 Contacts', '状态 State', ''].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, tenants.map(t => h('tr', {},
      h('td', { 'data-label': '名称 Name' }, t.name),
      h('td', { 'data-label': '类型 Kind' }, label('tenantKind', t.kind)),
      h('td', { 'data-label': '位置 Place' }, [t.floor, t.zone, t.unit].filter(Boolean).join(' / ')),
      h('td', { 'data-label': '联系人 Contacts' }, (t.contacts || []).map(c => h('div', {}, [c.role, c.name, c.phone].filter(Boolean).join(' · ')))),
      h('td', { 'data-label': '状态 State' }, t.active ? '营业中 Active' : '已撤场 Left'),
      h('td', {}, editable ? h('button', { type: 'button', class: 'secondary', onclick: () => edit(t, reload) }, '修改 Edit') : null)))))));
}

function edit(tenant, reload) {
  const contact = tenant?.contacts?.[0] || {};
  dialogForm({
    title: tenant ? `修改 Edit ${tenant.name}` : '新增商户 Add a store', submitLabel: '保存 Save',
    fields: [
      field({ label: '名称 Name', name: 'name', required: true, value: tenant?.name }),
      field({ label: '类型 Kind', name: 'kind', type: 'select', required: true, options: options('tenantKind'), value: tenant?.kind || 'COUNTER' }),
      field({ label: '楼层 Floor', name: 'floor', required: true, value: tenant?.floor }),
      field({ label: '区域 Zone', name: 'zone', value: tenant?.zone }),
      field({ label: '铺位 Unit', name: 'unit', value: tenant?.unit }),
      field({ label: '联系人 Contact name', name: 'contacts.0.name', value: contact.name }),
      field({ label: '联系电话 Contact phone', name: 'contacts.0.phone', type: 'tel', value: contact.phone }),
      field({ label: '职务 Role', name: 'contacts.0.role', value: contact.role }),
      field({ label: '状态 State', name: 'active', type: 'select', options: [['true', '营业中 Active'], ['false', '已撤场 Left']],
        value: String(tenant?.active ?? true) }),
    ],
    submit: async v => {
      const body = { ...v, active: v.active !== 'false',
        contacts: [...(v.contacts?.['0'] ? [v.contacts['0']] : []), ...(tenant?.contacts?.slice(1) || [])] };
      if (tenant) await api('intake', mallPath(`tenants/${encodeURIComponent(tenant.id)}`), { method: 'PUT', body });
      else await api('intake', mallPath('tenants'), { method: 'POST', body });
      toast('已保存 Saved');
      reload();
    },
  });
}
