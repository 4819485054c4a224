// Chinese first, English beside: every label of the console and of the API's codes.

const LABELS = {
  channel: { PHONE: ['电话', 'Phone'], VISIT: ['来访', 'Visit'], INTERCOM: ['对讲', 'Intercom'], WECHAT: ['微信', 'WeChat'],
    QQ: ['QQ', 'QQ'], ONLINE: ['网上报修', 'Online'], EMAIL: ['邮件', 'Email'], PATROL: ['巡检发现', 'Patrol'] },
  kind: { CONSULTATION: ['咨询', 'Consultation'], COMPLAINT: ['投诉', 'Complaint'], REPAIR: ['报修', 'Repair'],
    SUGGESTION: ['建议', 'Suggestion'], HELP: ['求助', 'Help'], INCIDENT: ['意外事故', 'Incident'] },
  priority: { LOW: ['低', 'Low'], NORMAL: ['普通', 'Normal'], HIGH: ['高', 'High'], URGENT: ['紧急', 'Urgent'] },
  customerType: { SHOPPER: ['顾客', 'Shopper'], TENANT: ['商户', 'Tenant'], OWNER: ['业主', 'Owner'],
    INTERNAL: ['内部', 'Internal'] },
  requestStatus: { PENDING_ACCEPTANCE: ['待受理', 'Pending acceptance'], REGISTERED: ['已登记', 'Registered'],
    DISPATCHED: ['已派单', 'Dispatched'], IN_PROGRESS: ['处理中', 'In progress'], COMPLETED: ['已完成', 'Completed'],
    CLOSED: ['已结案', 'Closed'], CANCELLED: ['已取消', 'Cancelled'], MERGED: ['已合并', 'Merged'] },
  workOrderStatus: { UNASSIGNED: ['待派单', 'Unassigned'], ASSIGNED: ['待受理', 'Assigned'], ACCEPTED: ['已受理', 'Accepted'],
    DELAYED: ['已延期', 'Delayed'], COMPLETED: ['已完成', 'Completed'], CANCELLED: ['已取消', 'Cancelled'],
    MERGED: ['已合并', 'Merged'] },
  rule: { DISPATCH: ['派单', 'Dispatch'], CONTACT: ['联系顾客', 'Contact'], SAME_DAY: ['当日处理', 'Same day'],
    PROMISED: ['承诺时间', 'Promised'], REPAIR_COMPLETION: ['报修完成', 'Repair completion'],
    COMPLAINT_TO_SUPERVISOR: ['投诉报主管', 'Complaint to supervisor'],
    COMPLAINT_INVESTIGATION: ['投诉调查', 'Complaint investigation'] },
  role: { DEPARTMENT_HEAD: ['部门主管', 'Department head'], FRONT_DESK: ['前台', 'Front desk'],
    CS_HEAD: ['客服经理', 'CS head'], PROPERTY_MANAGER: ['物业经理', 'Property manager'], SUPERVISOR: ['客服主管', 'Supervisor'],
    DEPT_STAFF: ['部门员工', 'Department staff'], MANAGER: ['物业经理', 'Manager'], PLATFORM_ADMIN: ['平台运维', 'Platform admin'] },
  department: { CUSTOMER_SERVICE: ['客服部', 'Customer service'], ENGINEERING: ['工程部', 'Engineering'],
    SECURITY: ['安保部', 'Security'], CLEANING: ['保洁部', 'Cleaning'], PARKING: ['停车场', 'Parking'] },
  callbackStatus: { SCHEDULED: ['已计划', 'Scheduled'], DUE: ['待回访', 'Due'], OVERDUE: ['已逾期', 'Overdue'],
    NO_CONTACT: ['无联系方式', 'No contact'], COMPLETED: ['已回访', 'Completed'], REFUSED: ['拒绝回答', 'Refused'],
    UNREACHABLE: ['联系不上', 'Unreachable'], EXEMPT: ['免回访', 'Exempt'] },
  callbackKind: { REPAIR: ['报修回访', 'Repair'], COMPLAINT: ['投诉回访', 'Complaint'], DAILY: ['日常回访', 'Daily'] },
  method: { PHONE: ['电话', 'Phone'], VISIT: ['上门', 'Visit'], WECHAT: ['微信', 'WeChat'], QQ: ['QQ', 'QQ'] },
  outcome: { REACHED: ['已联系上', 'Reached'], UNREACHABLE: ['未接通', 'Unreachable'], REFUSED: ['拒绝回答', 'Refused'] },
  rating: { VERY_SATISFIED: ['很满意', 'Very satisfied'], SATISFIED: ['满意', 'Satisfied'],
    BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'], DISSATISFIED: ['不满意', 'Dissatisfied'],
    VERY_DISSATISFIED: ['很不满意', 'Very dissatisfied'] },
  tenantKind: { ANCHOR_STORE: ['大店', 'Anchor store'], COUNTER: ['专柜', 'Counter'] },
  noticeKind: { POWER: ['停电', 'Power'], WATER: ['停水', 'Water'], OTHER: ['其他', 'Other'] },
  deliveryState: { PENDING: ['待发送', 'Pending'], SENT: ['已发送', 'Sent'], FAILED: ['发送失败', 'Failed'],
    ACKNOWLEDGED: ['已确认', 'Acknowledged'] },
  claimStage: { IMMEDIATE_ACTION: ['即时行动', 'Immediate action'], APPLICATION: ['索赔申请', 'Application'],
    HANDLING: ['索赔办理', 'Handling'], ADJUSTER_ASSISTANCE: ['定损员协助', 'Adjuster assistance'], ARCHIVED: ['已归档', 'Archived'] },
  checklistItem: { CS_DEPARTMENT_NOTIFIED: ['通知客服部', 'CS department notified'], SCENE_SECURED: ['保护现场', 'Scene secured'],
    AMBULANCE_CALLED: ['拨打120', 'Ambulance called'], STAFF_ACCOMPANIES: ['员工陪同', 'Staff accompanies'],
    POLICE_INFORMED: ['报警', 'Police informed'], INSURER_NOTIFIED: ['通知保险公司', 'Insurer notified'],
    WITNESS_FOUND: ['寻找证人', 'Witness found'], PHOTOS_TAKEN: ['现场拍照', 'Photos taken'],
    BELONGINGS_RECORDED: ['登记财物', 'Belongings recorded'], HANDED_TO_CUSTOMER_SERVICE: ['移交客服部', 'Handed to customer service'],
    WRITTEN_APPLICATION: ['书面申请', 'Written application'], INJURED_COMFORTED: ['慰问伤者', 'Injured comforted'],
    LOSS_ESTIMATED: ['估损', 'Loss estimated'], ORIGINAL_INVOICES: ['原始发票', 'Original invoices'],
    POLICE_OR_WITNESS_PROOF: ['报警或证人证明', 'Police or witness proof'], ADJUSTER_ASSIGNED: ['定损员到位', 'Adjuster assigned'],
    ADJUSTER_DATA: ['定损资料', 'Adjuster data'], CLAIM_FILE: ['索赔档案', 'Claim file'], ON_SITE_ASSISTANCE: ['现场协助', 'On-site assistance'],
    AFTERCARE_PLAN: ['善后方案', 'Aftercare plan'], PRECISE_DATA: ['精确数据', 'Precise data'], INSPECTION_REPORT: ['查勘报告', 'Inspection report'],
    INSURER_FORMS: ['保险表格', 'Insurer forms'], COSTS_FOLLOWED_UP: ['费用跟进', 'Costs followed up'] },
  checkStatus: { OPEN: ['未完成', 'Open'], DONE: ['已完成', 'Done'], NOT_APPLICABLE: ['不适用', 'Not applicable'] },
  evidenceKind: { PHOTO: ['照片', 'Photo'], POLICE_REPORT: ['报警回执', 'Police report'],
    WITNESS_STATEMENT: ['证人证言', 'Witness statement'], INVOICE: ['发票', 'Invoice'], INSURER_FORM: ['保险表格', 'Insurer form'],
    OTHER: ['其他', 'Other'] },
  timeline: { REGISTERED: ['登记', 'Registered'], MESSAGE_RECEIVED: ['收到留言', 'Message received'], ACCEPTED: ['受理', 'Accepted'],
    ACCEPTANCE_OVERDUE: ['受理超时', 'Acceptance overdue'], POSSIBLE_DUPLICATE: ['可能重复', 'Possible duplicate'],
    DUPLICATE_MERGED_IN: ['合并了重复报告', 'Duplicate merged in'], MERGED: ['已合并', 'Merged'], CANCELLED: ['取消', 'Cancelled'],
    CLOSED: ['结案', 'Closed'], DISPATCHED: ['派单', 'Dispatched'], REASSIGNED: ['改派', 'Reassigned'],
    TRANSFERRED: ['转派', 'Transferred'], WORK_ACCEPTED: ['部门受理', 'Work accepted'],
    CUSTOMER_CONTACTED: ['已联系顾客', 'Customer contacted'], DELAYED: ['延期', 'Delayed'], ESCALATED: ['升级', 'Escalated'],
    SLA_BREACHED: ['超出时限', 'Service level breached'], COMPLETED: ['完成', 'Completed'], REOPENED: ['重新打开', 'Reopened'],
    WORK_ORDER_CANCELLED: ['工单取消', 'Work order cancelled'], CALLBACK_RESULT: ['回访结果', 'Callback result'],
    CLAIM_OPENED: ['理赔立案', 'Claim opened'], CLAIM_STAGE_CHANGED: ['理赔阶段变更', 'Claim stage changed'],
    CLAIM_REPORTED_TO_INSURER: ['已报保险公司', 'Reported to insurer'], CLAIM_ARCHIVED: ['理赔归档', 'Claim archived'] },
  notificationReason: { COMPLAINT: ['投诉', 'Complaint'], MAJOR_INCIDENT: ['重大事件', 'Major incident'],
    OUTAGE_NOTICE: ['停电停水通知', 'Outage notice'] },
  consoleEvent: { 'notification.sent': ['新通知', 'New notification'], 'notification.acknowledged': ['通知已确认', 'Notification acknowledged'],
    'notification.overdue': ['通知逾期未确认', 'Notification overdue'], 'work-order.created': ['新工单', 'New work order'], 'work-order.reassigned': ['改派', 'Reassigned'],
    'work-order.accepted': ['已受理', 'Accepted'], 'work-order.contacted': ['已联系顾客', 'Customer contacted'],
    'work-order.delayed': ['延期', 'Delayed'], 'work-order.completed': ['已完成', 'Completed'],
    'work-order.transferred': ['转派', 'Transferred'], 'work-order.escalated': ['升级', 'Escalated'],
    'work-order.sla-breached': ['超出时限', 'Service level breached'], 'work-order.reopened': ['重新打开', 'Reopened'],
    'work-order.cancelled': ['已取消', 'Cancelled'], 'callback.escalated': ['回访升级', 'Callback escalated'],
    'callback.unreachable': ['回访联系不上', 'Customer unreachable'] },
};

/** "中文 English" for a code of a kind, or the code itself when it has no label. */
export function label(kind, code) {
  if (code === null || code === undefined || code === '') return '—';
  const pair = LABELS[kind]?.[code];
  return pair ? (pair[0] === pair[1] ? pair[0] : `${pair[0]} ${pair[1]}`) : String(code);
}

/** [[code, "中文 English"], …] for a select; with a leading empty choice when blank is given. */
export function options(kind, blank) {
  const list = Object.keys(LABELS[kind]).map(code => [code, label(kind, code)]);
  return blank ? [['', blank], ...list] : list;
}

export function codes(kind) {
  return Object.keys(LABELS[kind]);
}
