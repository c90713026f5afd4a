module example.com/gantry/app

go 1.22
