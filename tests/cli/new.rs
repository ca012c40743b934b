//! `simcancel new`: a skeleton checklist that `validate` accepts as written, in the user's
//! checklist folder or `-o FILE`, never over an existing file, with the JSON Schema its
//! first line names.

use crate::harness::Env;
use crate::schema::Schema;

fn env() -> Env {
    let mut env = Env::new();
    env.env("SIMCANCEL_NOW", "2026-12-10T18:00:00+01:00");
    env
}

#[test]
fn a_new_checklist_goes_to_the_user_folder_and_validates_as_written() {
    let env = env();
    let folder = env.user_checklists();
    let file = folder.join("my-plan.toml");
    env.run(&["new", "my-plan"]).success().stderr_is(&format!(
        "Wrote {file}: a valid checklist to make yours. Edit it, then check it with: \
         simcancel validate {file}\n\
         Wrote {schema}, the JSON Schema its first line points to, so that editors with TOML \
         support (VS Code with Even Better TOML, taplo) complete and check its keys\n",
        file = file.display(),
        schema = folder.join("checklist.schema.json").display(),
    ));
    let text = std::fs::read_to_string(&file).expect("the skeleton");
    assert!(
        text.starts_with("#:schema ./checklist.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("verified = 2026-12-10"), "{text}");
    let schema = std::fs::read_to_string(folder.join("checklist.schema.json")).expect("schema");
    assert_eq!(
        schema,
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/checklist.schema.json"
        ))
        .expect("docs/checklist.schema.json")
    );
    // As written: no error and no warning, even under the bundled catalogue's rules.
    let path = file.display().to_string();
    for strict in [&[][..], &["--strict"]] {
        let mut args = vec!["validate"];
        args.extend_from_slice(strict);
        args.push(&path);
        env.run(&args)
            .success()
            .stdout_is("")
            .stderr_is("1 file(s) checked: 0 error(s), 0 warning(s)\n");
    }
    assert_eq!(Schema::load().problems(&text), None);
    // And it is in the catalogue, in both languages.
    env.run(&["list"]).success().stdout_has("my-plan");
    env.run(&["--lang", "zh-CN", "show", "my-plan"])
        .success()
        .stdout_has("登录您的账户");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let env = env();
    env.run(&["new", "my-plan"]).success().stderr_has("Wrote");
    let file = env.user_checklists().join("my-plan.toml");
    std::fs::write(&file, "# mine\n").unwrap();
    env.run(&["new", "my-plan"]).code(1).stderr_is(&format!(
        "simcancel: {} already exists and was left untouched; choose another id, or another \
         file with -o\n",
        file.display()
    ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "# mine\n");
    env.run(&["--lang", "zh-CN", "new", "my-plan"])
        .code(1)
        .stderr_has("已存在，未作改动");
}

#[test]
fn o_writes_elsewhere_under_the_id_name_only() {
    let env = env();
    env.run(&["new", "acme", "-o", "drafts/acme.toml"])
        .code(1)
        .stderr_has("cannot create a file in drafts");
    std::fs::create_dir(env.root().join("drafts")).unwrap();
    env.run(&["new", "acme", "-o", "drafts/other.toml"])
        .code(1)
        .stderr_is(
            "simcancel: drafts/other.toml: a checklist's file is named after its id: use -o \
             with a file named acme.toml\n",
        );
    env.run(&["new", "acme", "-o", "drafts/acme.toml"])
        .success()
        .stderr_has("Wrote drafts/acme.toml")
        // The schema's path is joined by the system: `drafts\checklist.schema.json` on Windows.
        .stderr_has(
            &std::path::Path::new("drafts")
                .join("checklist.schema.json")
                .display()
                .to_string(),
        );
    env.run(&["validate", "drafts/acme.toml"])
        .success()
        .stderr_is("1 file(s) checked: 0 error(s), 0 warning(s)\n");
    // A second skeleton in the same folder finds the schema already there.
    env.run(&["new", "beta", "-o", "drafts/beta.toml"])
        .success()
        .stderr_is(
            "Wrote drafts/beta.toml: a valid checklist to make yours. Edit it, then check it \
             with: simcancel validate drafts/beta.toml\n",
        );
}

#[test]
fn in_a_checkout_the_skeleton_points_to_the_repository_schema() {
    let env = env();
    env.write("repo/docs/checklist.schema.json", "{}");
    std::fs::create_dir(env.root().join("repo/checklists")).unwrap();
    env.run(&["new", "acme", "-o", "repo/checklists/acme.toml"])
        .success()
        .stderr_has("Wrote repo/checklists/acme.toml");
    let text = std::fs::read_to_string(env.root().join("repo/checklists/acme.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../docs/checklist.schema.json\n"),
        "{text}"
    );
    assert!(
        !env.root()
            .join("repo/checklists/checklist.schema.json")
            .exists()
    );
}

#[test]
fn a_bad_id_is_a_usage_error_in_both_languages() {
    let env = env();
    env.run(&["new", "My_Plan"]).code(2).stderr_has(
        "invalid value 'My_Plan' for '<ID>': use lower-case letters, digits and dashes",
    );
    env.run(&["--lang", "zh-CN", "new", "My_Plan"])
        .code(2)
        .stderr_has("'<ID>' 的值 'My_Plan' 无效：请只用小写字母、数字和连字符");
    assert!(!env.user_checklists().exists());
}
