// Front desk: register a contact from any channel in a few keystrokes (seed 000 §4.3). Description first; Ctrl+Enter
// registers; every problem is shown beside its field; a possible duplicate is shown at once with a merge button.
import { api, idempotencyKey, mallPath } from '../api.js';
import { clear, clearErrors, field, formValues, h, showProblem, toast } from '../dom.js';
import { label, options } from '../i18n.js';
import { formatTime } from '../time.js';

export function render(main) {
  let key = idempotencyKey();
  const result = h('div', { id: 'register-result', 'aria-live': 'polite' });
  const answerFields = h('div', { class: 'grid wide', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'answered-on-spot' },
      h('input', { type: 'checkbox', id: 'answered-on-spot', name: 'answeredOnSpot', 'data-field': 'answeredOnSpot' }),
      ' 当场解答并结案 Answered on the spot')),
    field({ label: '解答 Answer', name: 'answer', type: 'textarea', wide: true }));
  const form = h('form', { id: 'register-form', novalidate: true, 'aria-labelledby': 'register-title' },
    h('h1', { id: 'register-title' }, '登记来电来访 Register a contact'),
    h('p', { class: 'muted' }, '带 * 的为必填项。Ctrl+Enter 登记。Fields marked * are required. Ctrl+Enter registers.'),
    h('div', { class: 'grid' },
      field({ label: '渠道 Channel', name: 'channel', type: 'select', required: true, options: options('channel'), value: 'PHONE' }),
      field({ label: '类型 Kind', name: 'kind', type: 'select', required: true, options: options('kind'), value: 'REPAIR' }),
      field({ label: '事由 Description', name: 'description', type: 'textarea', required: true, wide: true,
        attrs: { autofocus: true, maxlength: 2000 } }),
      field({ label: '楼层 Floor', name: 'location.floor', attrs: { maxlength: 20, placeholder: '3F' } }),
      field({ label: '区域 Zone', name: 'location.zone', attrs: { maxlength: 40, placeholder: 'B' } }),
      field({ label: '铺位 Unit', name: 'location.unit', attrs: { maxlength: 40 } }),
      field({ label: '顾客姓名 Customer name', name: 'customer.name', attrs: { maxlength: 100, autocomplete: 'off' } }),
      field({ label: '联系电话 Phone', name: 'customer.phone', type: 'tel', attrs: { autocomplete: 'off', inputmode: 'tel' } }),
      field({ label: '顾客类别 Customer type', name: 'customer.type', type: 'select', options: options('customerType', '—') }),
      // Phone and walk-in contacts give a name and a number (seed 000 §4.3) unless the customer stays anonymous.
      checkbox('anonymous', '匿名（不留姓名电话）Anonymous'),
      // Major incidents and complaints are notified to the related departments within a working day (seed 004).
      checkbox('major', '重大事件 Major incident or complaint'),
      field({ label: '优先级 Priority', name: 'priority', type: 'select', options: options('priority'), value: 'NORMAL' }),
      field({ label: '分类 Category', name: 'category', attrs: { maxlength: 60, placeholder: '给排水' } }),
      answerFields),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'register-submit' }, '登记 Register'),
      h('button', { type: 'reset', class: 'secondary' }, '清空 Clear')));

  const kind = form.querySelector('[name="kind"]');
  kind.addEventListener('change', () => { answerFields.hidden = kind.value !== 'CONSULTATION'; });
  form.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener('reset', () => {
    clearErrors(form);
    setTimeout(() => { answerFields.hidden = true; form.querySelector('[name="description"]').focus(); });
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = formValues(form);
    for (const flag of ['answeredOnSpot', 'anonymous', 'major']) if (body[flag] === false) delete body[flag];
    const button = form.querySelector('#register-submit');
    button.disabled = true;
    try {
      const request = await api('intake', mallPath('requests'), { method: 'POST', body,
        headers: { 'Idempotency-Key': key } });
      key = idempotencyKey();
      clearErrors(form);
      form.reset();
      showResult(result, request);
      toast(`已登记 Registered: ${request.number}`);
    } catch (error) {
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  });
  main.append(h('section', { class: 'card' }, form), result);
}

function checkbox(name, text) {
  return h('div', { class: 'field' }, h('label', { for: name },
    h('input', { type: 'checkbox', id: name, name, 'data-field': name }), ' ', text));
}

async function showResult(box, request) {
  const duplicate = request.possibleDuplicateOf;
  clear(box, h('section', { class: 'card', 'aria-labelledby': 'registered-title' },
    h('h2', { id: 'registered-title' }, '已登记 Registered'),
    h('p', {}, h('a', { href: `#/request/${request.id}`, id: 'registered-number' }, request.number), ' · ',
      label('requestStatus', request.status), ' · ', label('kind', request.kind), ' · ',
      formatTime(request.receivedAt)),
    h('p', { class: 'muted' }, `负责人 Owner: ${request.owner?.name || request.owner?.id || '—'}`),
    duplicate ? await duplicateHint(request, duplicate) : null));
}

async function duplicateHint(request, parentId) {
  let parent = null;
  try { parent = await api('intake', mallPath(`requests/${encodeURIComponent(parentId)}`)); } catch (e) { /* shown by id */ }
  const hint = h('div', { class: 'notice hint-duplicate', id: 'duplicate-hint', role: 'alert' },
    h('strong', {}, '可能重复 Possible duplicate'), ' ',
    '同类型、同楼层区域的报告已在处理：The same kind, floor and zone was already reported: ',
    h('a', { href: `#/request/${parentId}` }, parent?.number || parentId),
    parent ? ` (${label('requestStatus', parent.status)}, ${formatTime(parent.receivedAt)})` : '');
  const merge = h('button', { type: 'button', id: 'merge-duplicate', onclick: async () => {
    merge.disabled = true;
    try {
      await api('intake', mallPath(`requests/${encodeURIComponent(request.id)}/merge`), { method: 'POST',
        body: { parentId } });
      hint.append(h('p', {}, `已合并到 Merged into ${parent?.number || parentId}`));
      merge.remove();
    } catch (error) {
      hint.append(h('p', { class: 'problem' }, error.problem?.detail || error.message));
      merge.disabled = false;
    }
  } }, '合并到该单 Merge into it');
  hint.append(h('div', { class: 'actions' }, merge));
  return hint;
}
