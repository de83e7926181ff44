//! The `wasm-bindgen --target web` step of `web/build.sh`: takes the
//! module cargo built for wasm32 and a folder, gives the folder the
//! bindings (`tiltak_web.js`) and the processed module
//! (`tiltak_web_bg.wasm`), as `wasm-bindgen --target web --no-typescript
//! --remove-name-section --remove-producers-section` would.
//!
//! Usage: `tiltak-bindgen MODULE.wasm OUT_DIR`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [module, out] = args.as_slice() else {
        eprintln!(
            "tiltak-bindgen: give the module and the output folder: tiltak-bindgen MODULE.wasm OUT_DIR"
        );
        return ExitCode::from(2);
    };
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(module)
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        // The command line's default: init() finds the module beside the
        // bindings when it is given no path.
        .omit_default_module_path(false);
    let generated = bindgen.web(true).and_then(|b| b.generate(out));
    match generated {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tiltak-bindgen: {}: {err:#}", module.display());
            ExitCode::FAILURE
        }
    }
}
