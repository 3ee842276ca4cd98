//! `cases!`: one `#[test]` per table row, named for the behaviour it checks,
//! so the first failing case does not hide the others.
//!
//! ```ignore
//! cases! { decode_entities:
//!     numeric_decimal: "it&#8217;s" => "it’s",
//! }
//! ```
//! Each row calls the function with the input and compares with `==`
//! (`assert_eq!(f(input), want)`); the input is shown on failure.

#[macro_export]
macro_rules! cases {
    ($f:expr; $($name:ident: $input:expr => $want:expr),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let input = $input;
                let shown = format!("{:?}", input);
                assert_eq!(($f)(input), $want, "input: {}", shown);
            }
        )*
    };
}

#[allow(dead_code)]
pub mod article;
