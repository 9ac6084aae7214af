/** The collector's inventory feature. zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'inventory.notFound.device':
    'There is no device with id {id}. List a school’s devices with GET /api/v1/schools/:id/devices.',
  'inventory.notFound.ap':
    'There is no AP with id {id}. List the county’s APs with GET /api/v1/counties/:id/aps.',
  'inventory.notFound.apRule':
    'This county has no AP attribution rule with id {id}. List them with GET /api/v1/counties/{countyId}/ap-rules.',
  'inventory.notFound.interface':
    'Device {deviceId} has no interface with ifIndex {ifIndex}. Read its interfaces with GET /api/v1/devices/{deviceId}/interfaces.',
  'inventory.conflict.apRule':
    'This county already has a {kind} rule for "{pattern}" (rule {ruleId}). Change that rule instead.',
  'inventory.validation.schoolOtherCounty':
    'School {id} belongs to another county. Choose a school of this county.',
  'inventory.validation.roomOtherSchool':
    'Room "{room}" belongs to another school than the AP’s school (id {schoolId}). Choose a room of that school, or set schoolId too.',
  'inventory.validation.apHasNoSchool':
    'This AP is not attributed to any school yet, so its room cannot be checked. Give schoolId together with roomId.',
  'inventory.validation.assignmentEmpty':
    'Give schoolId, roomId or both. To remove the assignment, send DELETE instead.',
  'inventory.validation.mac':
    'Not a MAC address. Write 12 hexadecimal digits, e.g. 00:1a:2b:3c:4d:5e, 00-1A-2B-3C-4D-5E or 001a.2b3c.4d5e.',
  'inventory.validation.regexInvalid':
    'Not a valid regular expression ({detail}). Check the brackets and escapes.',
  'inventory.validation.regexNoRoomGroup':
    'The pattern has no named group "room". Mark the part of the AP name that is the room, e.g. ^[^-]+-\\d+F-(?<room>\\d+)$.',
  'inventory.validation.regexHazard':
    'The pattern repeats a group that itself repeats or has alternatives (e.g. (a+)+), or uses a back-reference; such patterns can take minutes on one name. Write it without them.',
  'inventory.validation.deviceOtherSchool':
    'Device {id} does not belong to this school. Designate a port of one of the school’s own devices.',
  'inventory.validation.uplinkRepeated':
    'Device {deviceId}, ifIndex {ifIndex} is listed twice. List each port once.',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'inventory.notFound.device':
    '没有编号为 {id} 的设备。可用 GET /api/v1/schools/:id/devices 查看学校的设备。',
  'inventory.notFound.ap':
    '没有编号为 {id} 的 AP。可用 GET /api/v1/counties/:id/aps 查看本县的 AP。',
  'inventory.notFound.apRule':
    '本县没有编号为 {id} 的 AP 归属规则。可用 GET /api/v1/counties/{countyId}/ap-rules 查看。',
  'inventory.notFound.interface':
    '设备 {deviceId} 没有 ifIndex 为 {ifIndex} 的接口。可用 GET /api/v1/devices/{deviceId}/interfaces 查看其接口。',
  'inventory.conflict.apRule':
    '本县已有针对“{pattern}”的 {kind} 规则（规则 {ruleId}）。请修改那条规则。',
  'inventory.validation.schoolOtherCounty': '学校 {id} 属于其他县区。请选择本县区的学校。',
  'inventory.validation.roomOtherSchool':
    '教室“{room}”不属于该 AP 所在的学校（编号 {schoolId}）。请选择该校的教室，或同时填写 schoolId。',
  'inventory.validation.apHasNoSchool':
    '该 AP 尚未归属任何学校，无法核对教室。请同时填写 schoolId 和 roomId。',
  'inventory.validation.assignmentEmpty':
    '请填写 schoolId、roomId 或两者。要取消指定，请改用 DELETE。',
  'inventory.validation.mac':
    '不是 MAC 地址。请填写 12 位十六进制数，例如 00:1a:2b:3c:4d:5e、00-1A-2B-3C-4D-5E 或 001a.2b3c.4d5e。',
  'inventory.validation.regexInvalid': '不是有效的正则表达式（{detail}）。请检查括号和转义。',
  'inventory.validation.regexNoRoomGroup':
    '表达式中没有名为“room”的分组。请标出 AP 名称中表示教室的部分，例如 ^[^-]+-\\d+F-(?<room>\\d+)$。',
  'inventory.validation.regexHazard':
    '表达式对本身带重复或分支的分组再次重复（如 (a+)+），或使用了反向引用；这类表达式匹配一个名称可能耗时数分钟。请改写，去掉这些结构。',
  'inventory.validation.deviceOtherSchool': '设备 {id} 不属于本校。请指定本校自有设备的端口。',
  'inventory.validation.uplinkRepeated':
    '设备 {deviceId} 的 ifIndex {ifIndex} 出现了两次。每个端口只列一次。',
};

export const inventoryMessages = { en, zhCN };
