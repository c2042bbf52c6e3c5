window.YTD.profile.part0 = [
  {
    "profile": {
      "description": {
        "bio": "Pelayan publik. Suka kopi dan bulu tangkis. Akun contoh untuk jejak.",
        "website": "",
        "location": "Bandung"
      },
      "avatarMediaUrl": "",
      "headerMediaUrl": ""
    }
  }
]