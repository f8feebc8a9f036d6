# Messages communs aux formats de rapport.

# Un nombre de profils, comme dans « 5 profils ».
profiles-count = { $n ->
    [one] { $n } profil
   *[other] { $n } profils
}
