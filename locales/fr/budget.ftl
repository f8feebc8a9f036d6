# Le budget des packs de règles (README, « Rule pack budget ») : un pack qui le
# dépasse est refusé, à l’endroit de la règle ou de la valeur en cause.

budget-patterns = avec cette règle, les packs dépassent leur budget : leurs expressions régulières peuvent occuper { $mib } Mio une fois compilées ; répartissez les règles dans de plus petits packs lancés séparément
budget-items = avec cette règle, les packs dépassent leur budget : vérifier un profil peut coûter { $max } vérifications d’éléments (chaque condition sous `each` ou `some` compte une fois par élément de liste, jusqu’à { $items }) ; répartissez les règles dans de plus petits packs lancés séparément
budget-findings = avec cette règle, les packs dépassent leur budget : un profil peut recevoir { $max } constats (une règle vérifiée avec `each` en compte { $items }) ; répartissez les règles dans de plus petits packs lancés séparément
budget-message = ce message est trop grand pour un pack de règles ({ $chars } caractères et { $names } champs ; au plus { $max_chars } caractères et { $max_names } champs)
budget-title = ce titre compte { $chars } caractères ; le titre d’une règle en compte au plus { $max }
