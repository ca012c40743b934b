//! Closed vocabularies — phases, kinds, difficulties, flags, statuses, formats — declared
//! with the crate-internal `vocabulary!` macro, so that each name is written once, beside
//! its variant.
//!
//! From that one spelling come the enum's `name()`, `from_name()`, `ALL`, `NAMES`,
//! `Display` and serde (de)serialization, so a checklist file, a session file, the JSON
//! outputs, the command line and the error messages cannot disagree about a name. Labels in
//! a person's language are not here: they are exhaustive `match`es in `src/labels/mod.rs`.

/// Declares a fieldless enum whose variants each have one external name:
///
/// ```text
/// vocabulary! {
///     /// The phase a step belongs to.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum Phase {
///         /// Before cancelling.
///         Prepare => "prepare",
///     }
/// }
/// ```
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every name, in declaration order (what error messages list as allowed).
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The name written in files, JSON and on the command line.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value with this exact name.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const ALL: &'static [$name] = $name::ALL;

            const NAMES: &'static [&'static str] = $name::NAMES;

            fn name(self) -> &'static str {
                $name::name(self)
            }

            fn from_name(name: &str) -> Option<$name> {
                $name::from_name(name)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                struct Names;
                impl ::serde::de::Visitor<'_> for Names {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "one of {}", $name::NAMES.join(", "))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_name(v)
                            .ok_or_else(|| E::unknown_variant(v, $name::NAMES))
                    }
                }
                d.deserialize_str(Names)
            }
        }
    };
}

pub(crate) use vocabulary;

/// What every vocabulary enum has, for code that reads or lists any of them (the checklist
/// reader, the command line's possible values).
pub trait Vocabulary: Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// Every name, in declaration order.
    const NAMES: &'static [&'static str];

    /// The name written in files, JSON and on the command line.
    fn name(self) -> &'static str;

    /// The value with this exact name.
    fn from_name(name: &str) -> Option<Self>;
}

#[cfg(test)]
mod tests {
    vocabulary! {
        /// A test vocabulary.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Colour {
            /// Red.
            Red => "red",
            /// Dark blue.
            DarkBlue => "dark-blue",
        }
    }

    #[test]
    fn every_name_round_trips_through_text_and_serde() {
        for (c, n) in Colour::ALL.iter().zip(Colour::NAMES) {
            assert_eq!(c.name(), *n);
            assert_eq!(Colour::from_name(n), Some(*c));
            assert_eq!(c.to_string(), *n);
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{n}\""));
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), *c);
        }
        assert_eq!(Colour::from_name("Red"), None);
    }

    #[test]
    fn an_unknown_name_is_refused_with_the_same_message_as_serde_derive() {
        let err = serde_json::from_str::<Colour>("\"green\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `green`, expected `red` or `dark-blue` at line 1 column 7"
        );
    }
}
