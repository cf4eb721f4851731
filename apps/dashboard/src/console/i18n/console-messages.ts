/**
 * The console's own labels (zh-CN first, English toggle). Card levels and rule names come from what
 * the wall screen uses (../../i18n), so both screens name things alike; sections add theirs under
 * their own name (section.ts).
 */
const zh = {
  app: { title: '行政审批电子监察工作台', short: '监察工作台' },
  menu: { work: '我的待办', cards: '红黄牌', cases: '办件查询', reports: '统计报表', accountability: '责任追究', admin: '系统管理' },
  login: {
    title: '登录监察工作台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    expired: '登录已过期，请重新登录',
    signedOut: '已退出登录',
  },
  header: { language: '语言', signOut: '退出登录', live: '实时', offline: '实时连接中断' },
  roles: {
    centre_admin: '中心系统管理员',
    centre_supervisor: '中心监察员',
    region_supervisor: '区域监察员',
    department_supervisor: '部门负责人',
    officer: '经办人',
    body_liaison: '协作机关联络员',
    admin: '应急管理员',
    display: '大屏',
    department: '部门系统',
  },
  common: {
    search: '查询',
    reset: '重置',
    refresh: '刷新',
    cancel: '取消',
    confirm: '确定',
    back: '返回',
    all: '全部',
    none: '无',
    yes: '是',
    no: '否',
    loading: '加载中…',
    notFound: '未找到',
    notFoundHint: '该页面或记录不存在，或不在您的权限范围内。',
    home: '返回首页',
    empty: '暂无数据',
    requestFailed: '请求失败',
    saved: '已保存',
    welcome: '您的账号暂无可用的功能，请联系中心管理员。',
  },
};

export type ConsoleMessages = typeof zh;

const en: ConsoleMessages = {
  app: { title: 'Licensing Supervision Console', short: 'Supervision console' },
  menu: { work: 'My work', cards: 'Cards', cases: 'Cases', reports: 'Reports', accountability: 'Accountability', admin: 'Administration' },
  login: {
    title: 'Sign in to the supervision console',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    expired: 'Your session has expired; please sign in again',
    signedOut: 'Signed out',
  },
  header: { language: 'Language', signOut: 'Sign out', live: 'Live', offline: 'Live updates disconnected' },
  roles: {
    centre_admin: 'Centre administrator',
    centre_supervisor: 'Centre supervisor',
    region_supervisor: 'Region supervisor',
    department_supervisor: 'Department supervisor',
    officer: 'Officer',
    body_liaison: 'Body liaison',
    admin: 'Break-glass admin',
    display: 'Wall screen',
    department: 'Department system',
  },
  common: {
    search: 'Search',
    reset: 'Reset',
    refresh: 'Refresh',
    cancel: 'Cancel',
    confirm: 'OK',
    back: 'Back',
    all: 'All',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    loading: 'Loading…',
    notFound: 'Not found',
    notFoundHint: 'This page or record does not exist, or is outside your scope.',
    home: 'Home',
    empty: 'No data',
    requestFailed: 'Request failed',
    saved: 'Saved',
    welcome: 'Your account has no console functions yet; ask the centre administrator.',
  },
};

export const CONSOLE_MESSAGES = { zh, en } as const;
