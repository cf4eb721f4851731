/**
 * The script of /public (served as /public/app.js: the CSP allows same-origin scripts only). Plain ES2017,
 * no framework, no build step: a phone on a slow line loads it at once. Kept as a string so the api's
 * build (tsc) ships it without an asset pipeline; String.raw keeps its backslashes as written.
 */
export const PUBLIC_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var T = {
    zh: {
      title: '政务服务 · 办件查询与投诉', tabProgress: '进度查询', tabComplain: '我要投诉', tabDirectory: '投诉渠道',
      department: '办理部门', caseId: '办件编号', queryCode: '查询码', queryHint: '办件编号和查询码印在受理回执上。', search: '查询',
      name: '姓名（可不填）', contact: '联系方式（电话或邮箱）', caseOptional: '办件编号（可不填）', codeOptional: '查询码（可不填，填写后投诉与办件关联）',
      what: '发生了什么', submit: '提交投诉', directoryHint: '各部门投诉电话与网址：', phone: '投诉电话', website: '网址', none: '未公布',
      choose: '请选择部门', searching: '正在查询…', notFound: '未找到该办件，或查询码不正确。', tooMany: '查询过于频繁，请稍后再试。', failed: '暂时无法查询，请稍后再试。',
      item: '办理事项', status: '办理状态', step: '当前环节', submittedAt: '申请时间', acceptedOn: '受理日期', concludedAt: '办结时间',
      promised: '承诺时限', statutory: '法定时限', used: '已用', left: '剩余', overdue: '已超期', workingDays: '个工作日', due: '截止日期',
      pauses: '暂停计时', noPauses: '无', notCounted: '不计入时限', ongoing: '至今', provisional: '部分日期的节假日安排尚未公布，工作日按周一至周五暂计。',
      working: '正在进行安全验证，请稍候…', sent: '投诉已提交，编号：', sentNote: '部门将在规定期限内受理并答复，请保持联系方式畅通。',
      duplicate: '相同内容的投诉已经提交过，无需重复提交。', invalid: '请检查：', required: '必填',
      status_RECEIVED: '已收件', status_AWAITING_CORRECTION: '待补正材料', status_ACCEPTED: '已受理', status_IN_PROGRESS: '办理中', status_SUSPENDED: '暂停计时（特别程序）',
      status_FORWARDED: '已转报', status_APPROVED: '已准予许可', status_DENIED: '不予许可', status_COMPLETED: '已办结', status_NOT_ACCEPTED: '不予受理',
      status_WITHDRAWN: '已撤回', status_RETURNED: '已退件', status_VOIDED: '已作废',
      reason_HEARING: '听证', reason_BIDDING: '招标', reason_AUCTION: '拍卖', reason_INSPECTION: '检验', reason_TESTING: '检测', reason_QUARANTINE: '检疫',
      reason_APPRAISAL: '鉴定', reason_EXPERT_REVIEW: '专家评审', reason_OTHER: '其他'
    },
    en: {
      title: 'Government services · progress and complaints', tabProgress: 'Progress', tabComplain: 'Complain', tabDirectory: 'Contacts',
      department: 'Department', caseId: 'Case number', queryCode: 'Query code', queryHint: 'The case number and query code are on your receipt.', search: 'Look up',
      name: 'Name (optional)', contact: 'Phone or e-mail', caseOptional: 'Case number (optional)', codeOptional: 'Query code (optional: links the complaint to the case)',
      what: 'What happened', submit: 'Send complaint', directoryHint: 'Each department\'s complaint phone and website:', phone: 'Complaint phone', website: 'Website', none: 'not published',
      choose: 'Choose a department', searching: 'Looking up…', notFound: 'No such case, or the query code is wrong.', tooMany: 'Too many requests: please try again later.', failed: 'The lookup is unavailable: please try again later.',
      item: 'Licensing item', status: 'Status', step: 'Current step', submittedAt: 'Applied', acceptedOn: 'Accepted on', concludedAt: 'Concluded',
      promised: 'Promised limit', statutory: 'Statutory limit', used: 'used', left: 'left', overdue: 'overdue', workingDays: 'working days', due: 'due',
      pauses: 'Clock paused', noPauses: 'none', notCounted: 'not counted', ongoing: 'until now', provisional: 'Some holidays are not yet published: working days are counted Monday–Friday for now.',
      working: 'Checking you are not a robot, please wait…', sent: 'Complaint received, reference: ', sentNote: 'The department will accept and answer it within the set limits; keep your contact details reachable.',
      duplicate: 'The same complaint has already been received.', invalid: 'Please check: ', required: 'required',
      status_RECEIVED: 'Received', status_AWAITING_CORRECTION: 'Awaiting documents', status_ACCEPTED: 'Accepted', status_IN_PROGRESS: 'In progress', status_SUSPENDED: 'Clock paused (special procedure)',
      status_FORWARDED: 'Forwarded', status_APPROVED: 'Approved', status_DENIED: 'Denied', status_COMPLETED: 'Completed', status_NOT_ACCEPTED: 'Not accepted',
      status_WITHDRAWN: 'Withdrawn', status_RETURNED: 'Returned', status_VOIDED: 'Voided',
      reason_HEARING: 'hearing', reason_BIDDING: 'bidding', reason_AUCTION: 'auction', reason_INSPECTION: 'inspection', reason_TESTING: 'testing', reason_QUARANTINE: 'quarantine',
      reason_APPRAISAL: 'appraisal', reason_EXPERT_REVIEW: 'expert review', reason_OTHER: 'other'
    }
  };
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'zh';
  var lastProgress = null;
  function t(key) { return T[lang][key] || key; }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) { node.textContent = t(node.getAttribute('data-t')); });
    $('lang').textContent = lang === 'en' ? '中文' : 'English';
    Array.prototype.forEach.call(document.querySelectorAll('select[name=departmentCode] option[value=""]'), function (o) { o.textContent = t('choose'); });
    if (lastProgress) showProgress(lastProgress);
  }
  $('lang').addEventListener('click', function () { lang = lang === 'en' ? 'zh' : 'en'; applyLanguage(); });
  ['progress', 'complain', 'directory'].forEach(function (name) {
    $('tab-' + name).addEventListener('click', function () {
      ['progress', 'complain', 'directory'].forEach(function (other) {
        $(other).hidden = other !== name;
        $('tab-' + other).setAttribute('aria-selected', String(other === name));
      });
    });
  });

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; }); });
  }
  function formBody(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (e) { if (e.name && e.value.trim() !== '') body[e.name] = e.value.trim(); });
    return body;
  }
  function problem(target, r) {
    var text = r.status === 429 ? t('tooMany') : r.status === 404 ? t('notFound') : r.status === 409 ? t('duplicate') : r.status === 400 && r.body.errors
      ? t('invalid') + r.body.errors.map(function (e) { return e.path + ' ' + e.message; }).join('; ') : t('failed');
    target.replaceChildren(el('p', { class: 'error', role: 'alert' }, [text]));
  }

  fetch('/api/v1/public/directory', { headers: { accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (d) {
    Array.prototype.forEach.call(document.querySelectorAll('select[name=departmentCode]'), function (select) {
      select.replaceChildren(el('option', { value: '' }, [t('choose')]));
      d.departments.forEach(function (dep) { select.appendChild(el('option', { value: dep.code }, [(dep.regionName ? dep.regionName + ' · ' : '') + dep.name])); });
      if (params.get('department')) select.value = params.get('department');
    });
    var list = $('directory-list');
    list.replaceChildren();
    d.departments.forEach(function (dep) {
      var website = dep.complaintWebsite ? el('a', { href: dep.complaintWebsite, rel: 'noopener noreferrer' }, [dep.complaintWebsite]) : el('span', {}, [t('none')]);
      var phone = dep.complaintPhone ? el('a', { href: 'tel:' + dep.complaintPhone }, [dep.complaintPhone]) : el('span', {}, [t('none')]);
      list.appendChild(el('li', { 'data-department': dep.code }, [el('strong', {}, [(dep.regionName ? dep.regionName + ' · ' : '') + dep.name]), el('br'),
        el('span', { 'data-t': 'phone' }, [t('phone')]), '：', phone, el('br'), el('span', { 'data-t': 'website' }, [t('website')]), '：', website]));
    });
  });
  if (params.get('case')) $('p-case').value = params.get('case');

  function clockCard(label, c) {
    if (!c) return null;
    var late = c.remainingWorkingDays < 0;
    var pct = Math.max(0, Math.min(100, Math.round((100 * c.usedWorkingDays) / Math.max(1, c.limitWorkingDays))));
    var left = late ? t('overdue') + ' ' + -c.remainingWorkingDays + ' ' + t('workingDays') : t('left') + ' ' + c.remainingWorkingDays + ' ' + t('workingDays');
    return el('div', { class: 'clock', 'data-clock': label }, [
      el('dt', {}, [t(label) + ' ' + c.limitWorkingDays + ' ' + t('workingDays')]),
      el('dd', {}, [t('used') + ' ' + c.usedWorkingDays + ' · ' + left + ' · ' + t('due') + ' ' + c.dueOn]),
      el('div', { class: 'bar', role: 'img', 'aria-label': pct + '%' }, [el('span', { class: late ? 'late' : '', style: 'width:' + pct + '%' })])
    ]);
  }
  function row(label, value) { return value ? [el('dt', {}, [t(label)]), el('dd', {}, [value])] : []; }
  function showProgress(p) {
    lastProgress = p;
    var when = function (v) { return v ? new Date(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : null; };
    var items = [].concat(
      row('department', p.departmentName), row('caseId', p.caseId), row('item', p.item ? p.item.name : null),
      row('status', t('status_' + p.status)), row('step', p.currentStep ? p.currentStep.name || p.currentStep.code : null),
      row('submittedAt', when(p.submittedAt)), row('acceptedOn', p.acceptedOn), row('concludedAt', when(p.concludedAt)));
    var clocks = [clockCard('promised', p.promised), clockCard('statutory', p.statutory)].filter(Boolean);
    var pauses = p.pauses.length === 0 ? [el('dd', {}, [t('noPauses')])] : p.pauses.map(function (s) {
      return el('dd', { class: 'pause' }, [t('reason_' + s.reason) + '：' + s.from + ' – ' + (s.to || t('ongoing')) + '（' + t('notCounted') + ' ' + s.workingDaysNotCounted + ' ' + t('workingDays') + '）']);
    });
    $('progress-result').replaceChildren(el('div', { class: 'card', id: 'progress-card' }, [
      el('dl', {}, items.concat(clocks, [el('dt', {}, [t('pauses')])], pauses)),
      p.provisional ? el('p', { class: 'note' }, [t('provisional')]) : el('span')
    ]));
  }
  $('progress-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var target = $('progress-result');
    lastProgress = null;
    target.replaceChildren(el('p', { class: 'note' }, [t('searching')]));
    post('/api/v1/public/progress', formBody(event.target)).then(function (r) { if (r.status === 200) showProgress(r.body); else problem(target, r); }, function () { target.replaceChildren(el('p', { class: 'error' }, [t('failed')])); });
  });

  // Proof of work: SHA-256(token ":" nonce) must start with "bits" zero bits. Costs a browser a second or two, a bulk sender much more.
  function leadingZeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) { if (bytes[i] === 0) { n += 8; continue; } var b = bytes[i]; while ((b & 0x80) === 0) { n++; b <<= 1; } break; }
    return n;
  }
  function solve(challenge) {
    var encoder = new TextEncoder();
    var nonce = 0;
    function next() {
      var batch = [];
      for (var i = 0; i < 256; i++, nonce++) batch.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge.token + ':' + nonce)));
      var start = nonce - 256;
      return Promise.all(batch).then(function (digests) {
        for (var j = 0; j < digests.length; j++) if (leadingZeroBits(new Uint8Array(digests[j])) >= challenge.bits) return String(start + j);
        return next();
      });
    }
    return next();
  }
  $('complaint-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var target = $('complaint-result');
    var button = event.target.querySelector('button[type=submit]');
    var body = formBody(event.target);
    button.disabled = true;
    target.replaceChildren(el('p', { class: 'note' }, [t('working')]));
    fetch('/api/v1/public/challenge', { headers: { accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (challenge) {
      return solve(challenge).then(function (nonce) { body.proof = { token: challenge.token, nonce: nonce }; return post('/api/v1/public/complaints', body); });
    }).then(function (r) {
      button.disabled = false;
      if (r.status === 201) target.replaceChildren(el('div', { class: 'card ok', role: 'status' }, [el('p', {}, [t('sent') + r.body.reference]), el('p', { class: 'note' }, [t('sentNote')])]));
      else problem(target, r);
    }, function () { button.disabled = false; target.replaceChildren(el('p', { class: 'error' }, [t('failed')])); });
  });
  applyLanguage();
})();
`;
