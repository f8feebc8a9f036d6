# Messages shared by the report formats.

# A count of profiles, as in "5 profiles".
profiles-count = { $n ->
    [one] { $n } profile
   *[other] { $n } profiles
}
