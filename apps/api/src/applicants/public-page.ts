/**
 * The applicants' page at /public (zh-CN, English toggle): progress lookup, the complaint form and the
 * directory of complaint channels. Plain HTML and one small same-origin script (/public/app.js; the CSP
 * allows no inline script), phone-first. See docs/adr/0020-public-applicants-page.md for why it is not
 * a route of the console.
 */
export const PUBLIC_PAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>政务服务 · 办件进度查询与投诉</title>
<style>
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f4f6f8;font-size:16px;line-height:1.5}
header{background:#b71c1c;color:#fff;padding:.8rem 1rem;display:flex;align-items:center;justify-content:space-between;gap:.5rem}
header h1{font-size:1.15rem;margin:0}header button{background:transparent;color:#fff;border:1px solid #fff;border-radius:.3rem;padding:.3rem .7rem;font-size:.9rem}
nav{display:flex;background:#fff;border-bottom:1px solid #d9dee3}nav button{flex:1;border:0;background:none;padding:.8rem .2rem;font-size:1rem;color:#52606d;border-bottom:3px solid transparent}
nav button[aria-selected=true]{color:#b71c1c;border-bottom-color:#b71c1c;font-weight:600}
main{max-width:40rem;margin:0 auto;padding:1rem}section[hidden]{display:none}
label{display:block;margin:.7rem 0 .2rem;font-weight:600}input,select,textarea{width:100%;font-size:1rem;padding:.6rem;border:1px solid #bcc5cf;border-radius:.3rem;background:#fff}
textarea{min-height:8rem}button.primary{width:100%;margin-top:1rem;padding:.8rem;font-size:1.05rem;background:#b71c1c;color:#fff;border:0;border-radius:.3rem}
button.primary[disabled]{opacity:.6}.card{background:#fff;border-radius:.4rem;padding:1rem;margin-top:1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.error{color:#b71c1c}.ok{color:#1b5e20}.note{color:#52606d;font-size:.9rem}dl{margin:0}dt{color:#52606d;font-size:.9rem;margin-top:.5rem}dd{margin:0;font-weight:600}
.bar{height:.6rem;background:#e4e7eb;border-radius:.3rem;overflow:hidden;margin-top:.2rem}.bar span{display:block;height:100%;background:#2e7d32}.bar span.late{background:#c62828}
.dir{list-style:none;padding:0;margin:0}.dir li{background:#fff;border-radius:.4rem;padding:.7rem 1rem;margin-top:.6rem}.dir a{color:#0b57d0;word-break:break-all}
</style></head><body>
<header><h1 data-t="title">政务服务 · 办件查询与投诉</h1><button id="lang" type="button">English</button></header>
<nav role="tablist"><button role="tab" id="tab-progress" aria-selected="true" data-t="tabProgress">进度查询</button><button role="tab" id="tab-complain" aria-selected="false" data-t="tabComplain">我要投诉</button><button role="tab" id="tab-directory" aria-selected="false" data-t="tabDirectory">投诉渠道</button></nav>
<main>
<section id="progress">
<form id="progress-form" novalidate>
<label for="p-dept" data-t="department">办理部门</label><select id="p-dept" name="departmentCode" required></select>
<label for="p-case" data-t="caseId">办件编号</label><input id="p-case" name="caseId" required maxlength="64" autocomplete="off">
<label for="p-code" data-t="queryCode">查询码</label><input id="p-code" name="queryCode" required maxlength="32" autocomplete="off" autocapitalize="characters">
<p class="note" data-t="queryHint">办件编号和查询码印在受理回执上。</p>
<button class="primary" type="submit" data-t="search">查询</button>
</form>
<div id="progress-result" aria-live="polite"></div>
</section>
<section id="complain" hidden>
<form id="complaint-form" novalidate>
<label for="c-dept" data-t="department">办理部门</label><select id="c-dept" name="departmentCode" required></select>
<label for="c-name" data-t="name">姓名（可不填）</label><input id="c-name" name="name" maxlength="50" autocomplete="name">
<label for="c-contact" data-t="contact">联系方式（电话或邮箱）</label><input id="c-contact" name="contact" required maxlength="100" autocomplete="tel">
<label for="c-case" data-t="caseOptional">办件编号（可不填）</label><input id="c-case" name="caseId" maxlength="64" autocomplete="off">
<label for="c-code" data-t="codeOptional">查询码（可不填，填写后投诉与办件关联）</label><input id="c-code" name="queryCode" maxlength="32" autocomplete="off">
<label for="c-content" data-t="what">发生了什么</label><textarea id="c-content" name="content" required maxlength="4000"></textarea>
<button class="primary" type="submit" data-t="submit">提交投诉</button>
</form>
<div id="complaint-result" aria-live="polite"></div>
</section>
<section id="directory" hidden><p class="note" data-t="directoryHint">各部门投诉电话与网址：</p><ul class="dir" id="directory-list"></ul></section>
</main>
<script src="/public/app.js"></script>
</body></html>
`;
