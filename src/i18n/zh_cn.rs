//! Simplified Chinese interface strings (简体中文界面文字).

use super::{Catalog, Common, Export, Guide, Help, Letter, Sessions, Strings};
use crate::checklist::{Problem, ReadError};

/// The Simplified Chinese strings.
pub(super) static STRINGS: Strings = Strings {
    common: Common {
        phases: [
            "准备",
            "登录",
            "找到注销入口",
            "确认",
            "提交",
            "等待",
            "注销之后",
        ],
        yes: "是",
        no: "否",
    },
    catalog: Catalog {
        list_headers: ["编号", "名称", "运营商", "国家", "难度", "核实日期", "来源"],
        error: "错误",
        warning: "警告",
        problem,
        read_error,
        origin_bundled: "内置",
        list_empty: "没有符合 {filters} 的清单。不带筛选条件运行 `simcancel list` 可查看全部。",
        validate_summary: "已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告",
        validate_no_files: "{path}：此文件夹中没有 .toml 清单文件",
        skipped_file: "已跳过 {path}：有 {count} 个问题；运行 `simcancel validate {path}` 查看详情",
        unknown_checklist: "没有名为 `{id}` 的清单；已有：{known}。运行 `simcancel list` 查看全部",
        not_an_id: "`{id}` 不是清单编号：编号只能包含 a-z、0-9 和 -，不能含 `/` 或 `..`（见 `simcancel list`）",
        unreadable_dir: "无法读取清单文件夹 {path}：{reason}；请检查 --checklists 路径",
        show_labels: [
            "运营商",
            "国家",
            "类型",
            "难度",
            "标记",
            "核实日期",
            "信息来源",
            "链接",
            "联系方式",
            "问题",
            "步骤",
            "来源",
        ],
        verified_meaning: "指本清单最后一次对照下列来源（公开网页的存档副本）核对的日期，并非运营商的确认",
        asked_at: "在步骤 {step} 时询问",
        only_when: "仅当 {cond}",
        expected_wait: "预计等待：{wait}",
        input_marks: ["个人信息", "必填"],
        difficulties: ["容易", "中等", "困难", "受限", "无法注销"],
    },
    export: Export {
        title: "注销记录",
        colon: "：",
        incomplete: "未完成",
        incomplete_note: "此记录尚未完成：适用的 {total} 个步骤中已完成或跳过 {done} 个。它不能证明号码已注销。",
        redacted_note: "本副本已隐去个人信息、备注和跳过原因。",
        checklist: "清单",
        provider: "运营商",
        country: "国家",
        checklist_hash: "清单版本（SHA-256）",
        verified: "清单核实日期",
        origin: "清单来源",
        session: "记录编号",
        started: "开始时间",
        finished: "结束时间",
        updated: "最后保存",
        status: "状态",
        progress: "进度",
        progress_value: "适用的 {total} 个步骤中已完成或跳过 {done} 个",
        exported: "导出时间",
        contact: "客服",
        sources: "资料来源",
        session_status: ["进行中", "已完成", "已放弃"],
        answers: "问题与回答",
        question: "问题",
        answer: "回答",
        none: "无",
        steps: "步骤",
        step: "步骤",
        phase: "阶段",
        time: "时间",
        inputs: "记录的信息",
        notes: "备注",
        skip_reason: "跳过原因",
        step_status: ["待完成", "已完成", "已跳过", "不适用"],
        waits: "等待期",
        expected: "预计等待",
        began: "开始等待",
        due: "预计到期",
        received: "收到确认",
        not_received: "尚未收到",
        events: "操作日志",
        events_count: "操作日志（{n} 条）",
        event: "事件",
        ev_started: "开始办理",
        ev_resumed: "继续办理",
        ev_checklist_changed: "开始后清单文件有变动（现为 {hash}）；仍按开始时的副本记录",
        ev_answered: "回答“{question}”：{answer}",
        ev_input_recorded: "在“{step}”记录了“{input}”",
        ev_step_done: "已完成：{step}",
        ev_step_skipped: "已跳过：{step}",
        ev_note_added: "在“{step}”添加了备注",
        ev_went_back: "从“{from}”返回到“{to}”",
        ev_back_to_questions: "从“{from}”返回到开头的问题",
        ev_wait_started: "在“{step}”开始等待，预计 {due} 到期",
        ev_confirmation_received: "“{step}”于 {on} 收到确认",
        ev_paused: "暂停",
        ev_completed: "全部完成",
        ev_abandoned: "已放弃",
        cal_name: "{checklist}：注销提醒",
        cal_due: "确认应已送达：{checklist}",
        cal_due_body: "运营商的注销确认最晚应在今天送达。如果还没收到，请联系客服（{phone}），并保留书面答复。",
        cal_after: "{step}（{checklist}）",
        cal_nothing: "记录 {id} 还没有可放进日历的提醒：尚未到达等待步骤，记录也未完成；请稍后再导出",
        written: "已写入 {path}",
        require_complete: "记录 {id} 尚未完成（适用的 {total} 个步骤中已完成或跳过 {done} 个）；请用 `simcancel resume {id}` 继续办理，或去掉 --require-complete 导出一份标有“未完成”的副本",
        require_complete_abandoned: "记录 {id} 已放弃（适用的 {total} 个步骤中已完成或跳过 {done} 个），无法再继续办理；请用 `simcancel guide {checklist}` 重新开始，或去掉 --require-complete 导出一份标有“未完成”的副本",
        exists: "{path} 已存在；请用 -o 换一个文件名，或加上 --force 覆盖",
        unknown_extension: "无法从文件名 {path} 判断格式；请使用 .md、.json、.html、.txt 或 .ics 扩展名，或指定 --format",
        no_folder: "无法在 {dir} 中创建文件；请检查该文件夹是否存在且可写",
        write_failed: "无法写入 {path}；请检查磁盘空间和文件夹权限",
        stdout_failed: "无法写到标准输出",
    },
    letter: Letter {
        french_heading: "要寄出的法文{kind}",
        translation_heading: "中文译文",
        translation_note: "译文仅供您理解内容：请寄出上面的法文原文，不要寄出译文。",
        kinds: ["信件", "电子邮件"],
        missing: "[待填写：{what}]",
        fields: [
            "您的姓名",
            "您的邮寄地址",
            "手机号码",
            "客户编号或合同编号",
            "网上申请的编号（没有请删除此行）",
            "运营商名称",
            "运营商受理注销的邮寄地址（见其服务条款）",
            "运营商受理注销的电子邮箱",
            "日期",
        ],
        missing_count: "有 {n} 项信息缺失，已标为 [\u{c0} COMPL\u{c9}TER : \u{2026}]：寄出前请补全",
        no_template: "找不到名为 `{name}` 的{kind}模板（已查找：{searched}）；请在清单的 `letter` 项中填写已有的模板名",
        unreadable_template: "无法读取信件模板 {path}：{reason}",
        bad_template: "{at}：{problem}；请修改该模板（`simcancel validate` 会列出所有问题）",
        bad_template_name: "记录 {id} 指定的信件模板 `{name}` 不是有效的模板名（{pattern}）；记录文件可能已损坏：请用 `simcancel guide` 重新开始",
    },
    guide: Guide {
        pick_checklist: "您要注销哪一条线路？（输入文字可筛选）",
        pick_session: "要继续哪一个会话？",
        started: "会话 {id} 已开始。您可以随时停下：每次回答后都会自动保存。",
        questions_intro: "先回答几个问题，以便选出适用于您的步骤。",
        action_done: "已完成",
        action_skip: "跳过（需说明原因）",
        action_note: "添加备注",
        action_back: "返回上一步",
        action_pause: "暂停（保存并退出）",
        action_abandon: "放弃此会话",
        action_received: "已收到确认",
        choose_action: "接下来做什么？",
        skip_reason: "为什么跳过这一步？",
        skip_reason_empty: "请填写原因：它会写入您的记录。",
        note_prompt: "备注",
        note_empty: "备注为空：未保存。",
        note_saved: "备注已保存（本步骤共 {n} 条）。",
        abandon_confirm: "确定放弃此会话吗？它仍会显示在 `simcancel sessions --all` 中，但无法继续。",
        abandoned: "会话 {id} 已放弃。",
        completed: "所有步骤都已完成。请保存您的记录：simcancel export {id}",
        saved_resume: "已保存 — 继续请运行：simcancel resume {id}",
        received_prompt: "您在哪一天收到确认？（YYYY-MM-DD）",
        bad_date: "`{value}` 不是日期：请写成 2026-12-01 这样的格式。",
        future_date: "{date} 晚于今天：请填写收到确认的日期。",
        input_required: "此项必填：请输入。",
        input_pattern: "`{value}` 的格式不符合要求。",
        input_required_mark: "（必填）",
        links: "链接：",
        contact: "客服：{contact}",
        phone: "电话",
        email: "电子邮件",
        waiting: "自 {began} 起等待（已 {days} 天）；预计在 {due} 前收到确认。",
        overdue: "已逾期：确认原应在 {due} 前收到（已过 {days} 天）。",
        overdue_contact: "请联系客服并提供您的申请编号：{contact}",
        overdue_no_contact: "请通过运营商官方支持页面联系客服。",
        received_on: "已于 {date} 收到确认。",
        summary_title: "会话 {id} · {name} · 开始于 {started} · 已完成 {progress}",
        summary_item: "{title}（{status}）",
        summary_item_dated: "{title}（{status}，{date}）",
        summary_reason: "：{reason}",
        status_done: "已完成",
        status_skipped: "已跳过",
        status_not_applicable: "不适用",
        status_pending: "待办",
        status_next: "下一步",
        checklist_changed: "清单 `{id}` 在此会话开始后有改动；此会话继续使用开始时的版本。",
        checklist_missing: "清单 `{id}` 已不再安装；此会话使用开始时保存的副本。",
        no_unfinished: "没有未完成的会话：用 `simcancel guide` 开始一个，或用 `simcancel sessions --all` 查看全部",
        resume_completed: "会话 {id} 已完成；用 `simcancel export {id}` 保存记录",
        resume_abandoned: "会话 {id} 已放弃；用 `simcancel guide {checklist}` 重新开始",
        answer_syntax: "--answer `{arg}`：请写成 ID=VALUE，例如 --answer keep_number=no",
        answer_unknown: "--answer {question}：此清单没有这个问题；可用的问题有：{valid}",
        answer_invalid: "--answer {question}={value}：不是有效答案；请使用以下之一：{valid}",
        no_checklists: "没有安装任何清单：请用 --checklists DIR 添加",
        pick_eof: "尚未选择清单输入就结束了：请直接指定，例如 `simcancel guide generic`（见 `simcancel list`）",
        pick_session_eof: "尚未选择会话输入就结束了：请直接指定，例如 `simcancel resume <编号>`（见 `simcancel sessions`）",
        plain_number: "编号",
        plain_bad_number: "请输入 1 到 {n} 之间的数字，或选项的开头文字。",
        plain_yes_default: "[Y/n]（是/否）",
        plain_no_default: "[y/N]（是/否）",
        plain_bad_yes_no: "请回答 y（是）或 n（否）。",
        resume_id_mismatch: "{path} 中是会话 {inner}，而不是文件名所示的 {file}（是副本还是被改名的文件？）；文件未被改动。请直接继续 {inner}，或把文件命名为 {inner}.json",
    },
    sessions: Sessions {
        headers: ["编号", "清单", "开始时间", "进度", "状态", "最近活动"],
        in_progress: "进行中",
        waiting_until: "等待至 {date}",
        overdue_since: "自 {date} 起逾期",
        completed: "已完成",
        abandoned: "已放弃",
        none_unfinished: "没有未完成的会话。用 `simcancel guide` 开始；加 `--all` 可查看已结束的会话。",
        none: "还没有会话。用 `simcancel guide` 开始一个。",
        unreadable: "无法读取：{path}：{reason}",
        file_not_json: "不是会话文件：{error}；文件未被改动",
        file_no_format: "不是会话文件：缺少 `format` 字段；文件未被改动",
        file_newer: "由更新版本的 simcancel 创建（会话格式 {version}，本版本可读 {supported}）；请升级 simcancel 后再打开。文件未被改动",
        left_untouched: "{reason}；文件未作任何改动",
        mismatch_steps: "其中的步骤记录与所保存的清单副本不一致（是否被手动修改过？）",
        mismatch_answer: "其中回答了清单副本中不存在的问题 `{question}`（是否被手动修改过？）",
        not_an_id: "`{prefix}` 不是会话编号：编号只包含字母、数字和短横线；运行 `simcancel sessions` 查看",
        no_match: "在 {dir} 中没有与 `{prefix}` 匹配的会话；运行 `simcancel sessions --all` 查看全部",
        ambiguous: "`{prefix}` 匹配多个会话（{ids}）；请多输入几位编号",
        locked: "会话 {id} 正在 {who} 中打开；请先在那里完成或暂停（锁文件：{lock}）",
        holder_pid: "simcancel 进程 {pid}",
        holder_unknown: "另一个 simcancel 进程",
        file_damaged: "会话文件已损坏：{error}；文件未被改动",
    },
    help: Help {
        headings: ["用法", "命令", "参数", "选项"],
        flags: ["显示帮助", "显示版本"],
        values: "{text}［可选值：{values}］",
        texts: &[
            (
                "",
                "一步步引导您注销手机号、SIM 卡、eSIM 或出国流量卡，并保留带日期的记录",
            ),
            (
                ".lang",
                "界面语言［默认：取自 LC_ALL、LC_MESSAGES 或 LANG，否则为 en］",
            ),
            (
                ".checklists",
                "同时从此文件夹加载清单（可重复；后面的按编号覆盖前面的）",
            ),
            (
                ".data_dir",
                "会话保存位置［默认：系统的数据文件夹，如 ~/.local/share/simcancel］",
            ),
            (
                ".plain",
                "使用编号的逐行提示，而不是交互界面（标准输入或输出不是终端时自动启用）",
            ),
            ("list", "列出可以使用的清单及其来源"),
            ("list.country", "只显示该国家的清单（ISO 代码，如 FR）"),
            ("list.kind", "只显示该类型的清单"),
            ("list.json", "输出 JSON 而不是表格"),
            ("show", "查看一份清单，不开始会话"),
            ("show.checklist", "清单编号（见 `simcancel list`）"),
            ("show.json", "以 JSON 输出清单"),
            ("guide", "按清单开始一次引导会话（不指定时从列表中选择）"),
            (
                "guide.checklist",
                "清单编号（见 `simcancel list`）；不指定时从目录中选择",
            ),
            (
                "guide.answers",
                "提前回答问题，例如 `--answer keep_number=no`（可重复）；未知的问题或不可能的答案以代码 2 退出并列出有效值",
            ),
            (
                "resume",
                "从中断处继续会话（不指定时继续最近一次未完成的会话）",
            ),
            (
                "resume.session",
                "会话编号或其唯一前缀（见 `simcancel sessions`）；不指定时为最近一次未完成的会话，有多个时从列表中选择",
            ),
            (
                "resume.answers",
                "回答（或修改）问题，例如 `--answer esim=yes`（可重复）",
            ),
            ("sessions", "列出会话及其进度、状态和下一个截止日期"),
            ("sessions.all", "同时显示已完成和已放弃的会话"),
            ("sessions.json", "输出 JSON 而不是表格"),
            (
                "export",
                "导出会话记录（Markdown、JSON、HTML、纯文本或日历提醒）",
            ),
            (
                "export.session",
                "会话编号或其唯一前缀（见 `simcancel sessions`）",
            ),
            (
                "export.format",
                "输出格式［默认：取自 -o 文件的扩展名，否则为 md］",
            ),
            (
                "export.output",
                "写入此文件（私密，权限 0600），而不是标准输出",
            ),
            ("export.force", "-o 文件已存在时覆盖它"),
            (
                "export.redact",
                "遮盖个人信息、备注和跳过原因（保留最后 2 个字符），便于分享记录",
            ),
            (
                "export.require_complete",
                "会话未完成时报错（退出代码 1），而不是导出标记为“未完成”的记录",
            ),
            ("letter", "生成填好的法文注销信或电子邮件，附带译文"),
            (
                "letter.session",
                "会话编号或其唯一前缀（见 `simcancel sessions`）",
            ),
            ("letter.kind", "挂号回执信（LRAR）或电子邮件"),
            (
                "letter.output",
                "写入此文件（私密，权限 0600），而不是标准输出",
            ),
            ("letter.force", "-o 文件已存在时覆盖它"),
            ("validate", "检查清单文件，以 路径:行:列 报告每个问题"),
            ("validate.paths", "清单文件或包含清单的文件夹"),
            ("completions", "输出 shell 自动补全脚本"),
            ("completions.shell", "要生成补全脚本的 shell"),
        ],
    },
};

/// The message of a checklist problem, in Simplified Chinese.
pub(super) fn problem(p: &Problem) -> String {
    match p {
        Problem::Syntax(m) => format!("TOML 语法错误：{m}"),
        Problem::Empty => {
            "文件为空；清单至少需要 schema、id、name 和 steps（见 docs/checklist-format.md）".into()
        }
        Problem::NotUtf8 => "文件不是 UTF-8 文本；请另存为 UTF-8".into(),
        Problem::TooLarge { size } => format!(
            "文件大小为 {:.1} MiB；清单最大 {} KiB——请确认文件是否正确",
            *size as f64 / 1_048_576.0,
            crate::checklist::MAX_FILE_SIZE / 1024
        ),
        Problem::Unreadable(reason) => format!("无法读取文件：{}", read_error(reason)),
        Problem::UnknownKey {
            key,
            table,
            expected,
        } => format!(
            "{table} 中有未知的键 `{key}`；应为以下之一：{}",
            expected.join(", ")
        ),
        Problem::MissingKey { key, table } => format!("{table} 缺少键 `{key}`"),
        Problem::WrongType { key, expected } => format!("`{key}` 的格式应为：{expected}"),
        Problem::UnknownValue {
            key,
            value,
            allowed,
        } => format!(
            "未知的 {key} `{value}`；请使用以下之一：{}",
            allowed.join(", ")
        ),
        Problem::UnsupportedSchema { found } => format!(
            "不支持 schema {found}：此版本的 simcancel 只能读取 schema 1（较新的文件需要较新的 simcancel）"
        ),
        Problem::BadId { id, pattern } => {
            format!("`{id}` 不是有效的编号：只能使用 {pattern}（最多 64 个字符）")
        }
        Problem::IdNotFileName { id, stem } => format!(
            "编号 `{id}` 与文件名 `{stem}.toml` 不一致；请把文件改名为 `{id}.toml`，或修改编号"
        ),
        Problem::Duplicate {
            what,
            id,
            first_line,
        } => format!("重复的 {what} 编号 `{id}`（首次定义在第 {first_line} 行）"),
        Problem::UnknownQuestion { question } => {
            format!("`when` 引用了问题 `{question}`，但 [[questions]] 中没有定义它")
        }
        Problem::ImpossibleAnswer {
            question,
            value,
            allowed,
        } => format!(
            "问题 `{question}` 不可能回答 {value}；可选答案为：{}",
            allowed.join(", ")
        ),
        Problem::AskedTooLate { question, at } => format!(
            "此步骤需要问题 `{question}` 的答案，但该问题要到后面的步骤 `{at}` 才会提出；请把此步骤移到 `{at}` 之后，或提前提问"
        ),
        Problem::UnknownStep { step } => format!("`at` 引用了不存在的步骤 `{step}`"),
        Problem::UnknownLink { link } => {
            format!("链接 `{link}` 未在 [links] 中定义；请在那里添加或修正名称")
        }
        Problem::NotHttps { url } => format!("`{url}` 不是 https:// 网址；只允许 https 链接"),
        Problem::BadDuration { reason } => format!("等待时长无效：{reason}"),
        Problem::BadPattern { reason } => format!("`pattern` 不是有效的正则表达式：{reason}"),
        Problem::NoEnglishOrChinese { key } => {
            format!("`{key}` 既没有 `en` 也没有 `zh-CN` 文本；请至少添加一种")
        }
        Problem::BadLanguageTag { tag } => {
            format!("`{tag}` 不是语言标签；请使用 en、zh-CN、fr 这样的标签")
        }
        Problem::EmptyValue { key } => format!("`{key}` 为空"),
        Problem::BadCountry { value } => format!(
            "`{value}` 不是国家代码：请使用两个大写字母的 ISO 代码（如 FR），国际通用请用 INT"
        ),
        Problem::BadChoices { question } => format!(
            "问题 `{question}`：`choice` 类型的问题需要非空的 `choices` 数组，`yes-no` 类型的问题则不能有"
        ),
        Problem::SecretInput { input } => format!(
            "输入项 `{input}` 要求填写密码、PIN 码或卡片密码；simcancel 绝不询问或保存机密信息——请删除它"
        ),
        Problem::MissingPhase { phase } => format!(
            "核心阶段 `{phase}` 没有任何步骤；每份清单都应包含 login、find-option、confirm、submit 和 wait"
        ),
        Problem::WaitOutsideWaitPhase => {
            "`wait` 设置在非 `wait` 阶段的步骤上；它用于设定截止日期，请放在等待步骤上".into()
        }
        Problem::UnknownPlaceholder { name } => format!(
            "未知的占位符 `{{{{{name}}}}}`；可用的占位符有 {}",
            crate::letter::placeholder_names()
        ),
        Problem::UnclosedPlaceholder => "`{{` 在同一行内没有对应的 `}}`".into(),
    }
}

/// Why a file or folder could not be read, in Simplified Chinese.
pub(super) fn read_error(e: &ReadError) -> String {
    match e {
        ReadError::NotFound => "文件或文件夹不存在".into(),
        ReadError::PermissionDenied => "没有权限；请检查其权限设置".into(),
        ReadError::SymlinkLoop => "符号链接层数过多（可能是循环链接）；请修复或删除该链接".into(),
        ReadError::IsFolder => "这是文件夹，不是文件".into(),
        ReadError::NotAFolder => "这是文件，不是文件夹".into(),
        ReadError::NotRegular => "这不是普通文件（而是管道、套接字或设备）".into(),
        ReadError::Other(m) => m.clone(),
    }
}
