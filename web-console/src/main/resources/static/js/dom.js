// Small DOM helpers. Text always goes in as text (never as HTML), so nothing a customer typed can run as code.

/** h('button', {type: 'button', onclick: fn}, 'text', child…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let fieldIds = 0;

/**
 * A labelled field. opts: {label, name, type, required, options: [[value, label]], value, hint, attrs}.
 * The input carries data-field (the API's field name), so problem details find it.
 */
export function field(opts) {
  const id = opts.id || `f-${opts.name.replace(/\W/g, '-')}-${++fieldIds}`;
  const common = { id, name: opts.name, 'data-field': opts.name, required: opts.required,
    'aria-required': opts.required ? 'true' : null, ...(opts.attrs || {}) };
  let input;
  if (opts.type === 'select') {
    input = h('select', common, (opts.options || []).map(([value, label]) =>
      h('option', { value, selected: String(value) === String(opts.value ?? '') }, label)));
  } else if (opts.type === 'textarea') {
    input = h('textarea', common);
    input.value = opts.value ?? '';
  } else {
    input = h('input', { type: opts.type || 'text', ...common });
    if (opts.value !== undefined && opts.value !== null) input.value = opts.value;
  }
  const error = h('div', { class: 'field-error', id: `${id}-error`, hidden: true });
  const hint = opts.hint ? h('div', { class: 'muted', id: `${id}-hint` }, opts.hint) : null;
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: `field ${opts.wide ? 'wide' : ''}` },
    h('label', { for: id, class: opts.required ? 'required' : null }, opts.label), input, hint, error);
}

/** Clears earlier errors of a form. */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach(el => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(el => { el.hidden = true; el.textContent = ''; });
  form.querySelectorAll('.problem').forEach(el => el.remove());
}

/**
 * Shows a problem (RFC 9457) on a form: each error beside its field, the rest above the buttons; focuses the first
 * bad field so a keyboard user lands where the fix is.
 */
export function showProblem(form, error) {
  clearErrors(form);
  const problem = error.problem || { title: String(error.message || error) };
  const unplaced = [];
  let first = null;
  for (const e of problem.errors || []) {
    const input = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    const text = e.message || e.detail || e.code;
    if (!input) { unplaced.push(`${e.field}: ${text}`); continue; }
    input.setAttribute('aria-invalid', 'true');
    const box = form.querySelector(`#${CSS.escape(input.id)}-error`);
    if (box) { box.textContent = `${text} (${e.code})`; box.hidden = false; }
    first = first || input;
  }
  const summary = h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title || '出错了 Something went wrong'),
    problem.detail ? h('div', {}, problem.detail) : null,
    unplaced.length ? h('ul', {}, unplaced.map(t => h('li', {}, t))) : null,
    problem.code ? h('div', { class: 'muted' }, `code: ${problem.code}`) : null);
  const actions = form.querySelector('.actions');
  (actions ? actions.parentNode : form).insertBefore(summary, actions || null);
  (first || summary).focus?.();
  if (!first) summary.setAttribute('tabindex', '-1'), summary.focus();
}

/** Reads a form into a plain object; names like "customer.phone" become nested; empty fields are left out. */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    let value;
    if (el.type === 'checkbox') value = el.checked;
    else value = el.value.trim();
    if (value === '' || value === undefined) continue;
    const path = el.name.split('.');
    let target = out;
    path.slice(0, -1).forEach(key => { target = target[key] = target[key] || {}; });
    target[path.at(-1)] = value;
  }
  return out;
}

let toastTimer;
export function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 5000);
}

/** Says something to screen readers (the console's aria-live region). */
export function announce(text) {
  const el = document.getElementById('announcer');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

/**
 * A modal form in a <dialog>: focus goes to its first field and returns to the button that opened it.
 * submit(values) returns a promise; a problem is shown beside the fields and the dialog stays open.
 */
export function dialogForm({ title, fields, submitLabel, submit }) {
  const opener = document.activeElement;
  const form = h('form', { method: 'dialog', novalidate: true },
    h('h2', {}, title), h('div', { class: 'grid' }, fields),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, submitLabel || '确定 OK'),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, '取消 Cancel')));
  const dialog = h('dialog', { 'aria-label': title }, form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await submit(formValues(form), form);
      dialog.close();
    } catch (e) {
      showProblem(form, e);
    } finally {
      button.disabled = false;
    }
  });
  dialog.addEventListener('close', () => { dialog.remove(); opener?.focus?.(); });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
