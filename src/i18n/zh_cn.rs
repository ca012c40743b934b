//! Simplified Chinese interface strings (简体中文界面文字).

use super::{Catalog, Common, Strings};

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
    },
};
