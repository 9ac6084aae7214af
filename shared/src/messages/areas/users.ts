/** Users, sessions and access (collector/src/features/users, http/access.ts). zh-CN first; keys and placeholders match (a test checks). */
const en = {
  'auth.error.signInRequired':
    'Sign in first (your session may have ended), or send a valid token: Authorization: Bearer <XIAOWANG_ADMIN_TOKEN>.',
  'auth.error.forbidden':
    'Your account may not do this here. Ask an administrator of this county if you need it.',
  'auth.error.forbiddenTechnician':
    'Your account looks after other schools. Open one of your own schools, or ask the county administrator to add this one.',
  'auth.error.userOnly': 'Only a signed-in user has this setting. Sign in with your account.',
  'auth.error.crossSite':
    'Refused: the request came from another site. Open the dashboard at its own address and try again.',
  'auth.error.csrf':
    'The page is out of date (its security token is missing or old). Reload the page, then try again.',
  'auth.login.failed':
    'The username or password is wrong, or the account is disabled. Check both and try again.',
  'auth.login.locked':
    'Too many failed sign-ins for this username. Wait {seconds} seconds, then try again; an administrator can also reset the password.',
  'auth.login.tooManyAttempts':
    'Too many sign-in attempts from this address. Wait {seconds} seconds, then try again.',
  'users.notFound.user':
    'There is no user with id {id}. List a county’s users with GET /api/v1/counties/:id/users.',
  'users.conflict.username':
    'The username "{username}" is taken (case does not matter). Choose another one.',
  'users.conflict.lastAdmin':
    '"{username}" is the last enabled administrator of this county. Make another user an administrator first.',
  'users.validation.username':
    'Use 3–64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit, e.g. zhang.wei.',
  'users.validation.usernameReserved':
    'This name is reserved for the audit log. Choose another username.',
  'users.validation.passwordTooShort':
    'The password is too short: use at least 10 characters. A few words in a row are easy to remember and hard to guess.',
  'users.validation.technicianNeedsSchool':
    'A technician needs at least one school: list the schools they look after in schoolIds.',
  'users.validation.schoolsNotForRole':
    'Only technicians have schools; county administrators and viewers see the whole county. Leave schoolIds empty, or choose the technician role.',
  'users.validation.schoolOtherCounty':
    'School {id} belongs to another county. Choose a school of the user’s county.',
  'users.firstAdmin.exists':
    'A county administrator already exists. Ask an administrator to create your account.',
  'users.password.currentRequired':
    'To change your own password, also give your current password (currentPassword).',
  'users.password.currentWrong':
    'The current password is wrong. Type it again; if you forgot it, ask an administrator to reset it.',
  'users.config.hint.secureCookies':
    'true or false (default false). Set true when a proxy serves the dashboard over https but does not send X-Forwarded-Proto.',
  'users.cli.usage':
    'Usage:\n  xiaowang-collector user create --username NAME --role county_admin|county_viewer|technician --county NAME [--school CODE …] [--display-name TEXT] [--password-stdin]\n  xiaowang-collector user create-admin --username NAME --county NAME [--display-name TEXT] [--password-stdin]\ncreate-admin works only while no county administrator exists. Without --password-stdin the password is asked for twice and not shown.',
  'users.cli.unknownSubcommand':
    'Unknown user command "{command}". Use "user create" or "user create-admin".',
  'users.cli.badRole': '--role must be county_admin, county_viewer or technician, not "{value}".',
  'users.cli.schoolNotFound':
    'County {county} has no school with code {code}. Check the code (schools are listed by GET /api/v1/schools).',
  'users.cli.passwordPrompt': 'Password (not shown): ',
  'users.cli.passwordRepeat': 'Repeat the password: ',
  'users.cli.passwordMismatch': 'The two passwords differ. Run the command again.',
  'users.cli.passwordEmpty':
    'No password was read from standard input. Pipe it in, e.g. printf %s "$PASSWORD" | xiaowang-collector user create … --password-stdin.',
  'users.cli.needTerminal':
    'No terminal to ask for the password. Add --password-stdin and pipe the password in.',
  'users.cli.interrupted': 'Interrupted; no user was created.',
  'users.cli.invalid': '{field}: {problem}',
  'users.cli.created':
    'Created user {username} ({role}) in {county}, id {id}. They can sign in at the dashboard now.',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'auth.error.signInRequired':
    '请先登录（会话可能已结束），或发送有效令牌：Authorization: Bearer <XIAOWANG_ADMIN_TOKEN>。',
  'auth.error.forbidden': '您的账号无权在此执行该操作。如有需要，请联系本县区的管理员。',
  'auth.error.forbiddenTechnician':
    '您的账号负责的是其他学校。请打开您负责的学校，或请县区管理员把本校分配给您。',
  'auth.error.userOnly': '只有登录的用户才有此设置。请用您的账号登录。',
  'auth.error.crossSite': '已拒绝：请求来自其他网站。请直接打开平台地址后重试。',
  'auth.error.csrf': '页面已过期（安全令牌缺失或失效）。请刷新页面后重试。',
  'auth.login.failed': '用户名或密码错误，或账号已停用。请检查后重试。',
  'auth.login.locked':
    '该用户名登录失败次数过多。请等待 {seconds} 秒后重试；也可请管理员重置密码。',
  'auth.login.tooManyAttempts': '此地址的登录尝试过于频繁。请等待 {seconds} 秒后重试。',
  'users.notFound.user':
    '没有编号为 {id} 的用户。可用 GET /api/v1/counties/:id/users 查看县区的用户列表。',
  'users.conflict.username': '用户名“{username}”已被使用（不区分大小写）。请换一个。',
  'users.conflict.lastAdmin':
    '“{username}”是本县区最后一个启用的管理员。请先把另一位用户设为管理员。',
  'users.validation.username':
    '请使用 3–64 个字母、数字、“.”、“_”、“-”或“@”，以字母或数字开头，例如 zhang.wei。',
  'users.validation.usernameReserved': '该名称保留给审计日志使用。请换一个用户名。',
  'users.validation.passwordTooShort':
    '密码太短：请至少使用 10 个字符。几个词连在一起既好记又难猜。',
  'users.validation.technicianNeedsSchool':
    '技术员至少要负责一所学校：请在 schoolIds 中列出其负责的学校。',
  'users.validation.schoolsNotForRole':
    '只有技术员才分配学校；县区管理员和查看者可看全县。请清空 schoolIds，或选择技术员角色。',
  'users.validation.schoolOtherCounty': '学校 {id} 属于其他县区。请选择该用户所在县区的学校。',
  'users.firstAdmin.exists': '已存在县区管理员。请联系管理员为您创建账号。',
  'users.password.currentRequired': '修改自己的密码时，还需填写当前密码（currentPassword）。',
  'users.password.currentWrong': '当前密码错误。请重新输入；如已忘记，请管理员为您重置。',
  'users.config.hint.secureCookies':
    'true 或 false（默认 false）。如代理以 https 提供平台但不发送 X-Forwarded-Proto，请设为 true。',
  'users.cli.usage':
    '用法：\n  xiaowang-collector user create --username 用户名 --role county_admin|county_viewer|technician --county 县区名 [--school 学校代码 …] [--display-name 姓名] [--password-stdin]\n  xiaowang-collector user create-admin --username 用户名 --county 县区名 [--display-name 姓名] [--password-stdin]\ncreate-admin 仅在尚无县区管理员时可用。不加 --password-stdin 时会提示输入两次密码，输入内容不显示。',
  'users.cli.unknownSubcommand':
    '未知的 user 子命令“{command}”。请使用“user create”或“user create-admin”。',
  'users.cli.badRole': '--role 只能是 county_admin、county_viewer 或 technician，不能是“{value}”。',
  'users.cli.schoolNotFound':
    '{county}没有代码为 {code} 的学校。请检查代码（可用 GET /api/v1/schools 查看学校列表）。',
  'users.cli.passwordPrompt': '密码（输入时不显示）：',
  'users.cli.passwordRepeat': '再次输入密码：',
  'users.cli.passwordMismatch': '两次输入的密码不一致。请重新运行命令。',
  'users.cli.passwordEmpty':
    '未从标准输入读到密码。请用管道传入，例如 printf %s "$PASSWORD" | xiaowang-collector user create … --password-stdin。',
  'users.cli.needTerminal': '没有可用于输入密码的终端。请加 --password-stdin 并用管道传入密码。',
  'users.cli.interrupted': '已中断，未创建用户。',
  'users.cli.invalid': '{field}：{problem}',
  'users.cli.created':
    '已在{county}创建用户 {username}（{role}），编号 {id}。该用户现在即可登录平台。',
};

export const usersMessages = { en, zhCN };
