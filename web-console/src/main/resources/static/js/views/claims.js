// Claim files (保险理赔, seed 000 §第三条): the list by stage, and one file with its stages, checklist, evidence upload,
// report to the insurer, advances (capped, manager approval above the cap) and the incident report PDF.
import { has } from '../app.js';
import { api, download, mallPath, newestCalls, query } from '../api.js';
import { clear, dialogForm, field, formValues, h, showProblem, toast } from '../dom.js';
import { codes, label, options } from '../i18n.js';
import { formatTime, fromLocalInput, toLocalInput } from '../time.js';

export async function render(main, [param]) {
  if (param && !codes('claimStage').includes(param)) return file(main, param);
  const stage = h('select', { id: 'claim-stage' }, options('claimStage', '全部 All').map(([v, t]) =>
    h('option', { value: v, selected: v === (param || '') }, t)));
  const list = h('div', { id: 'claim-list' });
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    const claims = (await api('claims', mallPath('claims' + query({ stage: stage.value, size: 100 })))).items;
    if (!isNewest()) return;
    clear(list, claims.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, ['案件 Claim', '发生 Occurred', '地点 Place', '阶段 Stage', '逾期步骤 Overdue steps', '经办 Handler']
        .map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, claims.map(c => h('tr', {},
        h('td', { 'data-label': '案件 Claim' }, h('a', { href: `#/claims/${c.id}` }, c.requestNumber || c.id)),
        h('td', { 'data-label': '发生 Occurred' }, formatTime(c.occurredAt)),
        h('td', { 'data-label': '地点 Place' }, [c.location?.floor, c.location?.zone].filter(Boolean).join(' / ')),
        h('td', { 'data-label': '阶段 Stage' }, label('claimStage', c.stage)),
        h('td', { 'data-label': '逾期步骤 Overdue steps' }, c.overdueSteps ? h('span', { class: 'badge bad' }, c.overdueSteps) : '0'),
        h('td', { 'data-label': '经办 Handler' }, c.handlerName || '—'))))))
      : h('p', { class: 'notice' }, '没有理赔案件。No claims.'));
  };
  stage.addEventListener('change', load);
  main.append(h('h1', { tabindex: '-1' }, '理赔案件 Claims'), h('p', {}, h('label', { for: 'claim-stage' }, '阶段 Stage '), stage), list);
  await load().catch(e => clear(list, h('p', { class: 'problem' }, e.problem?.title || e.message)));
  return null;
}

async function file(main, id) {
  const path = rest => mallPath(`claims/${encodeURIComponent(id)}${rest}`);
  const begin = newestCalls();
  const reload = async () => {
    const isNewest = begin();
    const c = await api('claims', path(''));
    if (!isNewest()) return;
    clear(main, view(c, path, reload));
    main.querySelector('h1').focus();
  };
  await reload().catch(e => clear(main, h('p', { class: 'problem', role: 'alert' }, e.problem?.title || e.message)));
  return null;
}

function view(c, path, reload) {
  const open = c.status !== 'ARCHIVED' && c.stage !== 'ARCHIVED';
  const post = (rest, body, done) => api('claims', path(rest), { method: 'POST', body }).then(() => { toast(done); reload(); });
  const stages = codes('claimStage');
  return h('article', { 'aria-labelledby': 'claim-title' },
    h('h1', { id: 'claim-title', tabindex: '-1' }, `理赔 Claim ${c.requestNumber || c.id}`),
    h('ol', { class: 'stages', 'aria-label': '阶段 Stages' }, stages.map(s => h('li', { 'aria-current': s === c.stage ? 'step' : null }, label('claimStage', s)))),
    h('section', { class: 'card' },
      h('p', {}, c.account || c.description || ''),
      h('p', { class: 'muted' }, `发生 Occurred ${formatTime(c.occurredAt)} · ${[c.location?.floor, c.location?.zone].filter(Boolean).join(' / ')} ${c.placeDescription || ''} · 经办 Handler ${c.handlerName || '—'}`),
      // ID numbers and phones exactly as claims-service shows them to this user (masked where it masks).
      (c.injured || []).length ? h('p', {}, '伤者 Injured: ', c.injured.map(p => [p.name, p.idNumber, p.injury].filter(Boolean).join(' · ')).join('；')) : null,
      open ? h('div', { class: 'actions' },
        (c.nextStages || []).filter(s => s !== 'ARCHIVED').map(s => h('button', { type: 'button', class: 'next-stage',
          onclick: () => post('/stage', { stage: s }, `已进入 Moved to ${label('claimStage', s)}`).catch(e => toast(problemText(e))) },
          `进入 Move to ${label('claimStage', s)}`)),
        h('button', { type: 'button', class: 'secondary', onclick: () => archive(c, post) }, '归档 Archive'),
        h('button', { type: 'button', class: 'secondary', onclick: () => post('/insurer-report', undefined, '已报保险公司 Reported')
          .catch(e => toast(problemText(e))) }, '报保险公司 Report to insurer'),
        h('button', { type: 'button', class: 'secondary', onclick: () => download('claims', path('/incident-report'), 'application/pdf',
          `incident-report-${c.id}.pdf`).catch(e => toast(problemText(e))) }, '事故报告 PDF Incident report')) : null,
      c.insurerReport ? h('p', {}, `保险报告 Insurer report: ${c.insurerReport.state || ''} ${c.insurerReport.insurerReference || ''} ${c.insurerReport.lastError || ''}`) : null),
    h('section', { class: 'card' }, h('h2', {}, '检查清单 Checklist'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, ['步骤 Step', '状态 Status', '期限 Due', '完成 Done', ''].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, (c.checklist || []).map(i => h('tr', {},
          h('td', { 'data-label': '步骤 Step' }, label('checklistItem', i.item)),
          h('td', { 'data-label': '状态 Status' }, label('checkStatus', i.status), i.overdue ? h('span', { class: 'badge bad' }, ' 逾期 Overdue') : null),
          h('td', { 'data-label': '期限 Due' }, i.dueAt && i.status === 'OPEN' ? h('span', { class: 'clock', dataset: { deadline: i.dueAt } }) : formatTime(i.dueAt)),
          h('td', { 'data-label': '完成 Done' }, i.doneAt ? `${formatTime(i.doneAt)} ${i.doneBy || ''}` : '—', i.note ? h('div', { class: 'muted' }, i.note) : null),
          h('td', {}, open && i.status === 'OPEN' ? h('div', { class: 'actions' },
            h('button', { type: 'button', onclick: () => post(`/checklist/${i.item}`, { status: 'DONE' }, '已完成 Done').catch(e => toast(problemText(e))) }, '完成 Done'),
            h('button', { type: 'button', class: 'secondary', onclick: () => dialogForm({ title: `不适用 Not applicable · ${label('checklistItem', i.item)}`,
              fields: [field({ label: '说明 Note', name: 'note', type: 'textarea', required: true, wide: true })],
              submit: v => post(`/checklist/${i.item}`, { status: 'NOT_APPLICABLE', note: v.note }, '已记录 Recorded') }) }, '不适用 N/A')) : null))))))),
    h('section', { class: 'card' }, h('h2', {}, '证据 Evidence'),
      h('ul', {}, (c.evidence || []).map(e => h('li', {}, `${label('evidenceKind', e.kind)} · ${e.filename} · ${formatTime(e.takenAt || e.uploadedAt)} `,
        h('button', { type: 'button', class: 'quiet', onclick: () => download('claims', path(`/evidence/${e.id}`), '*/*', e.filename) }, '下载 Download')))),
      open ? uploadForm(path, reload) : null),
    h('section', { class: 'card' }, h('h2', {}, '垫付 Advances'),
      h('p', {}, `已垫付 Advanced: ${c.totalAdvancedCny ?? 0} CNY`),
      h('ul', {}, (c.advances || []).map(a => h('li', {}, `${a.amountCny} CNY · ${a.purpose} · ${a.paidTo} · ${a.status}`,
        a.status === 'AWAITING_APPROVAL' && has('MANAGER') ? h('button', { type: 'button', class: 'secondary', onclick: () => dialogForm({
          title: '批准超额垫付 Approve above the cap', fields: [field({ label: '理由 Reason', name: 'reason', type: 'textarea', required: true, wide: true })],
          submit: v => post(`/advances/${a.id}/approve`, v, '已批准 Approved') }) }, '批准 Approve') : null))),
      open ? h('button', { type: 'button', class: 'secondary', onclick: () => dialogForm({
        title: '申请垫付 Request an advance', submitLabel: '申请 Request',
        fields: [field({ label: '金额 Amount (CNY)', name: 'amountCny', required: true, attrs: { inputmode: 'decimal' } }),
          field({ label: '用途 Purpose', name: 'purpose', required: true }), field({ label: '支付给 Paid to', name: 'paidTo', required: true })],
        submit: v => post('/advances', v, '已垫付 Paid'),
      }) }, '申请垫付 Request an advance') : null),
    h('section', { class: 'card' }, h('h2', {}, '经过 Timeline'),
      h('ol', { class: 'timeline' }, (c.timeline || []).map(s => h('li', {}, h('strong', {}, s.action), ' ',
        h('span', { class: 'muted' }, formatTime(s.at)), s.by ? ` · ${s.by}` : '', s.detail ? h('div', {}, s.detail) : null)))));
}

function uploadForm(path, reload) {
  const form = h('form', { novalidate: true, id: 'evidence-upload' },
    h('div', { class: 'grid' },
      field({ label: '类型 Kind', name: 'kind', type: 'select', required: true, options: options('evidenceKind') }),
      field({ label: '拍摄时间 Taken at', name: 'takenAt', type: 'datetime-local', value: toLocalInput(new Date()) }),
      field({ label: '照片中写明的地点 Place written in the photo', name: 'placeWritten' }),
      field({ label: '文件 File (JPEG, PNG, PDF ≤ 10 MB)', name: 'file', type: 'file', required: true,
        attrs: { accept: 'image/jpeg,image/png,application/pdf' } })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '上传 Upload')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const v = formValues(form);
    const data = new FormData();
    data.append('kind', v.kind);
    if (v.takenAt) data.append('takenAt', fromLocalInput(v.takenAt));
    if (v.placeWritten) data.append('placeWritten', v.placeWritten);
    const chosen = form.querySelector('[name="file"]').files[0];
    if (chosen) data.append('file', chosen);
    try {
      await api('claims', path('/evidence'), { method: 'POST', body: data });
      toast('已上传 Uploaded');
      reload();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function archive(c, post) {
  dialogForm({
    title: `归档 Archive ${c.requestNumber || c.id}`, submitLabel: '归档 Archive',
    fields: [field({ label: '结果 Outcome', name: 'outcome', type: 'select', required: true,
      options: [['CLOSED_WITHOUT_CLAIM', '无需索赔结案 Closed without a claim'], ['SETTLED', '理赔结案 Settled']] }),
    field({ label: '理赔金额 Settled amount (CNY)', name: 'settledAmountCny' }),
    field({ label: '说明 Note', name: 'note', type: 'textarea', wide: true })],
    submit: v => post('/stage', { stage: 'ARCHIVED', ...v }, '已归档 Archived'),
  });
}

function problemText(e) {
  const p = e.problem || {};
  return [p.title, p.detail, p.openItems ? `(${p.openItems.map(i => label('checklistItem', i)).join('、')})` : null].filter(Boolean).join(' ');
}
