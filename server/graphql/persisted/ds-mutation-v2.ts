/**
 * Our document for the persisted mutation `ds-mutation-v2`: one operation per mutation, named as
 * the mutation (the reference's convention, `dossierModifierAnnotationDateTime` included), each
 * answering the changed object's id and what the mutation changed, and `errors { message }`.
 * Mutations our schema does not have yet (`groupeInstructeur*`,
 * `dossierChangerGroupeInstructeur`, `demarcheCloner`) and `Dossier.attestation` in
 * `dossierAccepter` are listed in docs/api.md; persisted.test.ts runs every operation.
 */
export const DS_MUTATION_V2 = /* GraphQL */ `
mutation createDirectUpload($input: CreateDirectUploadInput!) {
  createDirectUpload(input: $input) {
    directUpload {
      url
      headers
      blobId
      signedBlobId
    }
  }
}

mutation dossierArchiver($input: DossierArchiverInput!) {
  dossierArchiver(input: $input) {
    dossier {
      id
      archived
    }
    errors {
      message
    }
  }
}

mutation dossierDesarchiver($input: DossierDesarchiverInput!) {
  dossierDesarchiver(input: $input) {
    dossier {
      id
      archived
    }
    errors {
      message
    }
  }
}

mutation dossierPasserEnInstruction($input: DossierPasserEnInstructionInput!) {
  dossierPasserEnInstruction(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierRepasserEnConstruction($input: DossierRepasserEnConstructionInput!) {
  dossierRepasserEnConstruction(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierRefuser($input: DossierRefuserInput!) {
  dossierRefuser(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierClasserSansSuite($input: DossierClasserSansSuiteInput!) {
  dossierClasserSansSuite(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierRepasserEnInstruction($input: DossierRepasserEnInstructionInput!) {
  dossierRepasserEnInstruction(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierAccepter($input: DossierAccepterInput!) {
  dossierAccepter(input: $input) {
    dossier {
      id
      state
    }
    errors {
      message
    }
  }
}

mutation dossierBasculeSuivi($input: DossierBasculeSuiviInput!) {
  dossierBasculeSuivi(input: $input) {
    dossier {
      id
    }
    errors {
      message
    }
  }
}

mutation dossierAjouterLabel($input: DossierAjouterLabelInput!) {
  dossierAjouterLabel(input: $input) {
    dossier {
      id
    }
    label {
      id
    }
    errors {
      message
    }
  }
}

mutation dossierSupprimerLabel($input: DossierSupprimerLabelInput!) {
  dossierSupprimerLabel(input: $input) {
    dossier {
      id
    }
    label {
      id
    }
    errors {
      message
    }
  }
}

mutation dossierEnvoyerMessage($input: DossierEnvoyerMessageInput!) {
  dossierEnvoyerMessage(input: $input) {
    message {
      id
      createdAt
    }
    errors {
      message
    }
  }
}

mutation dossierSupprimerMessage($input: DossierSupprimerMessageInput!) {
  dossierSupprimerMessage(input: $input) {
    message {
      id
      discardedAt
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationText($input: DossierModifierAnnotationTextInput!) {
  dossierModifierAnnotationText(input: $input) {
    annotation {
      id
      value: stringValue
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationCheckbox($input: DossierModifierAnnotationCheckboxInput!) {
  dossierModifierAnnotationCheckbox(input: $input) {
    annotation {
      id
      ... on CheckboxChamp {
        value
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationDate($input: DossierModifierAnnotationDateInput!) {
  dossierModifierAnnotationDate(input: $input) {
    annotation {
      id
      ... on DateChamp {
        value: date
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationDateTime($input: DossierModifierAnnotationDatetimeInput!) {
  dossierModifierAnnotationDatetime(input: $input) {
    annotation {
      id
      ... on DatetimeChamp {
        value: datetime
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationIntegerNumber($input: DossierModifierAnnotationIntegerNumberInput!) {
  dossierModifierAnnotationIntegerNumber(input: $input) {
    annotation {
      id
      ... on IntegerNumberChamp {
        value
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationDecimalNumber($input: DossierModifierAnnotationDecimalNumberInput!) {
  dossierModifierAnnotationDecimalNumber(input: $input) {
    annotation {
      id
      ... on DecimalNumberChamp {
        value
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationDropDownList($input: DossierModifierAnnotationDropDownListInput!) {
  dossierModifierAnnotationDropDownList(input: $input) {
    annotation {
      id
      ... on DropDownListChamp {
        value
      }
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotationAjouterLigne($input: DossierModifierAnnotationAjouterLigneInput!) {
  dossierModifierAnnotationAjouterLigne(input: $input) {
    annotation {
      id
    }
    errors {
      message
    }
  }
}

mutation dossierModifierAnnotations($input: DossierModifierAnnotationsInput!) {
  dossierModifierAnnotations(input: $input) {
    annotations {
      id
      stringValue
    }
    errors {
      message
    }
  }
}
`;
